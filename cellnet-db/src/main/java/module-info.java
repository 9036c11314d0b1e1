/**
 * What cellnet's database peers share (cellnet-redis, cellnet-sql): the result callback
 * {@link io.cellnet.db.DbCallback}, the refusal {@link io.cellnet.db.DbBusyException}, and, for
 * those modules only, the peers' lifecycle and their events on the user's {@link io.cellnet.EventQueue}.
 */
// "module": the friends named in the qualified export are compiled after this module.
@SuppressWarnings("module")
module io.cellnet.db {
    requires transitive io.cellnet;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports io.cellnet.db;
    exports io.cellnet.db.internal to io.cellnet.redis, io.cellnet.sql;
}
