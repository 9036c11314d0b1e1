package io.cellnet.netty.internal.stream;

import io.cellnet.netty.internal.TcpPeerConfig;

import io.cellnet.TcpSocketOptions;
import io.cellnet.netty.internal.PeerBase;
import java.time.Duration;

/**
 * What the stream peers (TCP, local, WebSocket) add to {@link PeerBase}: their socket options.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
abstract class TcpPeerBase extends PeerBase implements TcpSocketOptions {
    final TcpPeerConfig config;

    TcpPeerBase(TcpPeerConfig config) {
        super(config.peer(), config.closeTimeout(), config.outboundLimits());
        this.config = config;
    }

    @Override
    public final int readBufferSize() {
        return config.options().readBufferSize();
    }

    @Override
    public final int writeBufferSize() {
        return config.options().writeBufferSize();
    }

    @Override
    public final boolean noDelay() {
        return config.options().noDelay();
    }

    @Override
    public final boolean keepAlive() {
        return config.options().keepAlive();
    }

    @Override
    public final int maxPacketSize() {
        return config.options().maxPacketSize();
    }

    @Override
    public final Duration readIdleTimeout() {
        return config.options().readIdleTimeout();
    }

    @Override
    public final Duration writeIdleTimeout() {
        return config.options().writeIdleTimeout();
    }
}
