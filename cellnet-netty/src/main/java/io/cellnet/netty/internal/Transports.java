package io.cellnet.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the socket transport: native epoll when it is available (Linux), NIO otherwise, or NIO
 * always when the system property {@code cellnet.transport} is {@code nio}.
 *
 * <p>Thread safety: immutable after class initialisation.
 */
public final class Transports {
    private static final boolean EPOLL = !"nio".equalsIgnoreCase(System.getProperty("cellnet.transport"))
            && Epoll.isAvailable();

    private Transports() {
    }

    /** {@code true} when the native epoll transport is used. */
    public static boolean isEpoll() {
        return EPOLL;
    }

    /** The I/O handler factory of the chosen transport. */
    public static IoHandlerFactory ioHandlerFactory() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** A new event loop group of the chosen transport with daemon-free threads named {@code name-N}. */
    public static EventLoopGroup newGroup(String name, int threads) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name), ioHandlerFactory());
    }

    /** The TCP server channel class of the chosen transport. */
    public static Class<? extends ServerChannel> serverSocketChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The TCP server channel class for {@code group}'s transport (NIO or epoll). */
    public static Class<? extends ServerChannel> serverSocketChannelFor(EventLoopGroup group) {
        return isNio(group) ? NioServerSocketChannel.class : EpollServerSocketChannel.class;
    }

    /** The TCP client channel class for {@code group}'s transport (NIO or epoll). */
    public static Class<? extends Channel> socketChannelFor(EventLoopGroup group) {
        return isNio(group) ? NioSocketChannel.class : EpollSocketChannel.class;
    }

    private static boolean isNio(EventLoopGroup group) {
        if (group.next() instanceof IoEventLoop loop) {
            if (loop.isIoType(NioIoHandler.class)) {
                return true;
            }
            if (loop.isIoType(EpollIoHandler.class)) {
                return false;
            }
        }
        throw new IllegalArgumentException("event loop group " + group
                + " is neither NIO nor epoll, the only groups whose channel class cellnet derives; give the"
                + " channel class with channelType(..) (TCP and WebSocket acceptors and connectors)");
    }

    /** The TCP client channel class of the chosen transport. */
    public static Class<? extends Channel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The UDP channel class for {@code group}'s transport (NIO or epoll), or the chosen one when {@code null}. */
    public static Class<? extends DatagramChannel> datagramChannelFor(@Nullable EventLoopGroup group) {
        boolean nio = group == null ? !EPOLL : isNio(group);
        return nio ? NioDatagramChannel.class : EpollDatagramChannel.class;
    }
}
