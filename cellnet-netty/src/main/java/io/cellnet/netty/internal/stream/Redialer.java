package io.cellnet.netty.internal.stream;

import io.netty.channel.ChannelFuture;
import java.time.Duration;

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

    /**
     * A connection came up after a lost connection or a failed attempt: {@code attempt} is its
     * number (1 for the first reconnection attempt), {@code outage} the time since the loss or the
     * first failure.
     */
    void reconnected(int attempt, Duration outage);

    /**
     * The policy gives up: after attempt {@code lastAttempt} failed (0 is the first attempt after a
     * start), or, when {@code connectionLost}, once the connection closed. The connector stops.
     */
    void gaveUp(int lastAttempt, boolean connectionLost);
}
