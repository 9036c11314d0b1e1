package io.cellnet.netty.internal;

import io.cellnet.TcpSocketOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * The socket options of a TCP peer; see {@link TcpSocketOptions} for their meaning and defaults.
 *
 * <p>Thread safety: immutable.
 *
 * @param readBufferSize   SO_RCVBUF or -1
 * @param writeBufferSize  SO_SNDBUF or -1
 * @param noDelay          TCP_NODELAY
 * @param keepAlive        SO_KEEPALIVE
 * @param maxPacketSize    Go's maxPacketSize, 0 for none
 * @param readIdleTimeout  zero for none
 * @param writeIdleTimeout zero for none
 */
public record TcpOptions(int readBufferSize, int writeBufferSize, boolean noDelay, boolean keepAlive,
        int maxPacketSize, Duration readIdleTimeout, Duration writeIdleTimeout) implements TcpSocketOptions {

    /** The defaults. */
    public static final TcpOptions DEFAULT = new TcpOptions(-1, -1, DEFAULT_NO_DELAY, false, 0, Duration.ZERO,
            Duration.ZERO);

    /** Checks the values. */
    public TcpOptions {
        Objects.requireNonNull(readIdleTimeout, "readIdleTimeout");
        Objects.requireNonNull(writeIdleTimeout, "writeIdleTimeout");
        if (maxPacketSize < 0 || maxPacketSize > 0x10000) {
            throw new IllegalArgumentException("maxPacketSize must be within 0..65536: " + maxPacketSize);
        }
        if (readIdleTimeout.isNegative() || writeIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("idle timeouts must not be negative");
        }
    }
}
