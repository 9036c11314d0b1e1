package io.cellnet.netty.internal;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;

/**
 * The native epoll transport. The only class of cellnet that names epoll classes, so that nothing
 * else needs them: {@link Transports} touches it only after it has found them (they come from the
 * optional {@code io.netty:netty-transport-classes-epoll}).
 *
 * <p>Thread safety: immutable.
 */
final class EpollTransport {
    /** The epoll transport; usable when {@link #isAvailable()}. */
    static final SocketTransport TRANSPORT = new SocketTransport("epoll", EpollIoHandler.class,
            EpollIoHandler::newFactory, strategy -> EpollIoHandler.newFactory(0, strategy), EpollServerSocketChannel.class, EpollSocketChannel.class,
            EpollDatagramChannel.class);

    private EpollTransport() {
    }

    /** Whether the native library loads on this machine (Linux with the native jar for its CPU). */
    static boolean isAvailable() {
        return Epoll.isAvailable();
    }
}
