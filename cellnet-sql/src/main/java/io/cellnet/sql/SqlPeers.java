package io.cellnet.sql;

/**
 * Builds SQL peers; the by-name route is {@code Peers.newGenericPeer("mysql.Connector", ...)} with
 * a JDBC URL (or Go's DSN) as the address.
 *
 * <pre>{@code
 * SqlConnector db = SqlPeers.connector().name("db").address("jdbc:mariadb://127.0.0.1:3306/game")
 *         .user("game").password(secret).poolSize(8).queue(queue).build();
 * db.start();
 * }</pre>
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class SqlPeers {
    private SqlPeers() {
    }

    /** A builder for a {@code mysql.Connector}. */
    public static SqlConnectorBuilder connector() {
        return new SqlConnectorBuilder();
    }
}
