/**
 * Go cellnet's {@code redix.Connector} on Lettuce: Redis commands and pub/sub whose results and
 * messages come back on the game's {@link io.cellnet.EventQueue}. Created by type name
 * ({@code "redix.Connector"}) or with {@link io.cellnet.redis.RedisPeers}.
 */
// "requires-transitive-automatic": Lettuce's jar is an automatic module (lettuce.core), and its
// command interfaces are in this module's API, as Go's Operate hands out the radix client.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.cellnet.redis {
    requires transitive io.cellnet;
    requires transitive io.cellnet.db;
    requires transitive lettuce.core;
    requires io.netty.common;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports io.cellnet.redis;

    provides io.cellnet.PeerProvider with io.cellnet.redis.internal.RedisPeerProvider;
}
