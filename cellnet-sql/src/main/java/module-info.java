/**
 * Go cellnet's {@code mysql.Connector} on JDBC and HikariCP: queries run on a bounded pool off the
 * game loop, and their results come back on the game's {@link io.cellnet.EventQueue}. Created by
 * type name ({@code "mysql.Connector"}) or with {@link io.cellnet.sql.SqlPeers}. The JDBC driver
 * (MariaDB's or MySQL's) is the application's choice, found through {@link java.sql.DriverManager}.
 */
module io.cellnet.sql {
    requires transitive io.cellnet;
    requires transitive io.cellnet.db;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports io.cellnet.sql;

    provides io.cellnet.PeerProvider with io.cellnet.sql.internal.SqlPeerProvider;
}
