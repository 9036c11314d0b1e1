package io.cellnet;

import java.time.Duration;

/**
 * Socket options of a TCP peer (Go's {@code cellnet.TCPSocketOption}), read-only once the peer is
 * built. The {@link Builder} half is what typed peer builders implement, with Go's setter names.
 *
 * <p>Defaults and how they differ from Go:
 * <ul>
 *   <li>buffer sizes {@code -1}: leave the OS default, as Go;</li>
 *   <li>{@code noDelay} {@code true}: Nagle off. Go cellnet turns Nagle <em>on</em> (its
 *       {@code noDelay} field defaults to false); a game server wants low latency and cellnet-java
 *       batches flushes itself, so small writes are not a problem. Set {@code noDelay(false)} for
 *       Go's behaviour;</li>
 *   <li>{@code maxPacketSize} {@code 0}: no limit beyond the 16-bit size field. A positive value
 *       has Go's semantics: a frame whose size field is {@code >= maxPacketSize} is rejected;</li>
 *   <li>idle timeouts {@link Duration#ZERO}: none, as Go. A read idle timeout closes a session that
 *       received nothing for that long (Go's per-frame read deadline); a write idle timeout closes
 *       one whose pending writes made no progress for that long.</li>
 * </ul>
 *
 * <p>Thread safety: the getters may be called from any thread.
 */
public interface TcpSocketOptions {

    /** Default for {@link #noDelay()}. */
    boolean DEFAULT_NO_DELAY = true;

    /** SO_RCVBUF in bytes, or {@code -1} for the OS default. */
    int readBufferSize();

    /** SO_SNDBUF in bytes, or {@code -1} for the OS default. */
    int writeBufferSize();

    /** TCP_NODELAY. */
    boolean noDelay();

    /** SO_KEEPALIVE. */
    boolean keepAlive();

    /** Go's maxPacketSize: frames with {@code size >= maxPacketSize} are refused; {@code 0} = none. */
    int maxPacketSize();

    /** Close a session that received nothing for this long; {@link Duration#ZERO} = never. */
    Duration readIdleTimeout();

    /**
     * Close a session one of whose writes has not completed within this long (the remote stopped
     * reading); a session that writes nothing stays open. {@link Duration#ZERO} = never.
     */
    Duration writeIdleTimeout();

    /**
     * The setters of a TCP peer builder, with Go's names.
     *
     * <p>Thread safety: builders are not thread-safe; use one from one thread.
     *
     * @param <B> the concrete builder type
     */
    interface Builder<B extends Builder<B>> {

        /** Go's {@code SetSocketBuffer(readBufferSize, writeBufferSize, noDelay)}. */
        B socketBuffer(int readBufferSize, int writeBufferSize, boolean noDelay);

        /** TCP_NODELAY; see {@link TcpSocketOptions} for the default. */
        B noDelay(boolean noDelay);

        /** SO_KEEPALIVE (default {@code false}). */
        B keepAlive(boolean keepAlive);

        /** Go's {@code SetMaxPacketSize}; {@code 0} = no limit beyond 65535. */
        B maxPacketSize(int maxPacketSize);

        /** Go's {@code SetSocketDeadline(read, write)} as idle timeouts; zero disables one. */
        B socketDeadline(Duration readIdleTimeout, Duration writeIdleTimeout);
    }
}
