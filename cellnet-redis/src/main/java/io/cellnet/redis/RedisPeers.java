package io.cellnet.redis;

/**
 * Builds Redis peers; the by-name route is {@code Peers.newGenericPeer("redix.Connector", ...)}.
 *
 * <pre>{@code
 * RedisConnector redis = RedisPeers.connector().name("cache").address("redis://127.0.0.1:6379/0")
 *         .queue(queue).callback(ev -> ...).build();
 * redis.start();
 * }</pre>
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class RedisPeers {
    private RedisPeers() {
    }

    /** A builder for a {@code redix.Connector}. */
    public static RedisConnectorBuilder connector() {
        return new RedisConnectorBuilder();
    }
}
