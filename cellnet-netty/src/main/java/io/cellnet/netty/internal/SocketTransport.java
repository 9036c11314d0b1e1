package io.cellnet.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One socket transport of Netty: its I/O handler (the type an event loop runs, a factory for new
 * loops, and one for loops that choose when to block with a given strategy) and its channel classes
 * for TCP servers, TCP clients and UDP.
 *
 * <p>Thread safety: immutable.
 */
record SocketTransport(String name, Class<? extends IoHandler> ioType, Supplier<IoHandlerFactory> factory,
        Function<SelectStrategyFactory, IoHandlerFactory> factoryWithStrategy,
        Class<? extends ServerChannel> serverSocket, Class<? extends Channel> socket,
        Class<? extends DatagramChannel> datagram) {

    /** Java NIO, always present. */
    static final SocketTransport NIO = new SocketTransport("NIO", NioIoHandler.class, NioIoHandler::newFactory,
            strategy -> NioIoHandler.newFactory(SelectorProvider.provider(), strategy),
            NioServerSocketChannel.class, NioSocketChannel.class, NioDatagramChannel.class);

    /** Whether {@code loop} runs this transport's I/O handler. */
    boolean runs(IoEventLoop loop) {
        return loop.isIoType(ioType);
    }
}
