package io.cellnet.netty.internal.stream;

import io.cellnet.TcpSocketOptions;
import io.cellnet.netty.internal.TcpOptions;
import java.time.Duration;

/**
 * A stream peer's {@link TcpSocketOptions}, read from the options it was built with: default
 * methods over one accessor.
 *
 * <p>Thread safety: the options are immutable.
 */
interface SocketOptionsView extends TcpSocketOptions {

    /** The options the peer was built with. */
    TcpOptions socketOptions();

    @Override
    default int readBufferSize() {
        return socketOptions().readBufferSize();
    }

    @Override
    default int writeBufferSize() {
        return socketOptions().writeBufferSize();
    }

    @Override
    default boolean noDelay() {
        return socketOptions().noDelay();
    }

    @Override
    default boolean keepAlive() {
        return socketOptions().keepAlive();
    }

    @Override
    default int maxPacketSize() {
        return socketOptions().maxPacketSize();
    }

    @Override
    default Duration readIdleTimeout() {
        return socketOptions().readIdleTimeout();
    }

    @Override
    default Duration writeIdleTimeout() {
        return socketOptions().writeIdleTimeout();
    }
}
