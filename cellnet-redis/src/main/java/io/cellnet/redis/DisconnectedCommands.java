package io.cellnet.redis;

/**
 * What a {@link RedisConnector} does with a command while it has no connection to Redis. Either
 * way the command gets a result or an error; none is dropped.
 *
 * <p>Thread safety: an immutable enum.
 */
public enum DisconnectedCommands {
    /** Refuse it at once: its callback gets an error ({@code RedisException}) right away. */
    FAIL_FAST,
    /**
     * Keep it (up to the connector's {@code maxPending}) and send it when the connection is back;
     * it fails with a timeout ({@code RedisCommandTimeoutException}) when the command timeout
     * passes first. The default.
     */
    WAIT
}
