package io.cellnet.netty.internal.stream;

import io.netty.channel.ChannelFuture;

/**
 * What a {@link ReconnectWatchdog} drives: the connector's dialing and what it reports.
 *
 * <p>Thread safety: called from any thread (the caller of start, timers, event loops).
 */
public interface Redialer {

    /**
     * Starts one connection attempt of run {@code generation}; the new channel must be tagged with
     * {@link ReconnectWatchdog#tag} before its session can start.
     */
    ChannelFuture dial(long generation);

    /** Attempt {@code attempt} (0 after a start, 1 after a lost connection) failed with {@code cause}. */
    void attemptFailed(int attempt, Throwable cause, boolean willRetry);

    /** The policy gives up: the connector stops. */
    void gaveUp();
}
