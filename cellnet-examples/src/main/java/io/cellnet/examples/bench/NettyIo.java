package io.cellnet.examples.bench;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.function.Supplier;

/**
 * The Netty I/O type of the benchmark's event loops (the raw server's, the load client's and the
 * cellnet server's, so that every side of a comparison runs on the same one): native epoll when
 * Netty finds it (Linux), NIO otherwise or with {@code -Dcellnet.transport=nio}, as cellnet's own
 * shared groups choose.
 *
 * <p>Thread safety: immutable.
 */
enum NettyIo {
    EPOLL(EpollIoHandler::newFactory, EpollServerSocketChannel.class, EpollSocketChannel.class),
    NIO(NioIoHandler::newFactory, NioServerSocketChannel.class, NioSocketChannel.class);

    private final Supplier<IoHandlerFactory> handlers;
    private final Class<? extends ServerChannel> serverChannel;
    private final Class<? extends Channel> channel;

    NettyIo(Supplier<IoHandlerFactory> handlers, Class<? extends ServerChannel> serverChannel,
            Class<? extends Channel> channel) {
        this.handlers = handlers;
        this.serverChannel = serverChannel;
        this.channel = channel;
    }

    /** Epoll when available and not turned off with {@code -Dcellnet.transport=nio}, else NIO. */
    static NettyIo chosen() {
        boolean nioAsked = "nio".equalsIgnoreCase(System.getProperty("cellnet.transport"));
        return !nioAsked && Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** A new group of {@code threads} threads named {@code threadName-N}. */
    EventLoopGroup newGroup(String threadName, int threads) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadName), handlers.get());
    }

    /** The listening channel class. */
    Class<? extends ServerChannel> serverChannel() {
        return serverChannel;
    }

    /** The connection channel class. */
    Class<? extends Channel> channel() {
        return channel;
    }
}
