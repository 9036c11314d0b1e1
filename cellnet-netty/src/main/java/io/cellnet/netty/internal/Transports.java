package io.cellnet.netty.internal;

import io.cellnet.internal.OptionalDependency;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the socket transport: native epoll when its classes are present (the optional
 * {@code netty-transport-classes-epoll}) and its native library loads (Linux, with
 * {@code netty-transport-native-epoll} for the CPU), NIO otherwise, or NIO always when the system
 * property {@code cellnet.transport} is {@code nio}. Without the epoll classes nothing is missing:
 * they are looked up by name before the one class that uses them ({@code EpollTransport}) loads.
 *
 * <p>Thread safety: immutable after class initialisation.
 */
public final class Transports {
    private static final OptionalDependency EPOLL = new OptionalDependency("io.netty:netty-transport-classes-epoll",
            "io.netty.transport.classes.epoll", "io.netty.channel.epoll.Epoll");
    /** Whether the epoll classes are there: only then may {@link EpollTransport} be touched. */
    private static final boolean EPOLL_PRESENT = EPOLL.isPresent(Transports.class);
    /** The transports whose classes are present, NIO first. */
    private static final List<SocketTransport> PRESENT = EPOLL_PRESENT
            ? List.of(SocketTransport.NIO, EpollTransport.TRANSPORT) : List.of(SocketTransport.NIO);
    private static final SocketTransport CHOSEN = choose();

    private Transports() {
    }

    private static SocketTransport choose() {
        boolean nioOnly = "nio".equalsIgnoreCase(System.getProperty("cellnet.transport"));
        return !nioOnly && EPOLL_PRESENT && EpollTransport.isAvailable() ? EpollTransport.TRANSPORT : SocketTransport.NIO;
    }

    /** {@code true} when the native epoll transport is used. */
    public static boolean isEpoll() {
        return CHOSEN != SocketTransport.NIO;
    }

    /** The name of the chosen transport: {@code NIO} or {@code epoll}. */
    public static String name() {
        return CHOSEN.name();
    }

    /** The I/O handler factory of the chosen transport. */
    public static IoHandlerFactory ioHandlerFactory() {
        return CHOSEN.factory().get();
    }

    /** The I/O handler factory of the chosen transport, whose loops block only when {@code strategy} says. */
    public static IoHandlerFactory ioHandlerFactory(SelectStrategyFactory strategy) {
        return CHOSEN.factoryWithStrategy().apply(strategy);
    }

    /** A new event loop group of the chosen transport with daemon-free threads named {@code name-N}. */
    public static EventLoopGroup newGroup(String name, int threads) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name), ioHandlerFactory());
    }

    /** The TCP server channel class of the chosen transport. */
    public static Class<? extends ServerChannel> serverSocketChannel() {
        return CHOSEN.serverSocket();
    }

    /** The TCP server channel class for {@code group}'s transport (NIO or epoll). */
    public static Class<? extends ServerChannel> serverSocketChannelFor(EventLoopGroup group) {
        return of(group).serverSocket();
    }

    /** The TCP client channel class of the chosen transport. */
    public static Class<? extends Channel> socketChannel() {
        return CHOSEN.socket();
    }

    /** The TCP client channel class for {@code group}'s transport (NIO or epoll). */
    public static Class<? extends Channel> socketChannelFor(EventLoopGroup group) {
        return of(group).socket();
    }

    /** The UDP channel class for {@code group}'s transport (NIO or epoll), or the chosen one when {@code null}. */
    public static Class<? extends DatagramChannel> datagramChannelFor(@Nullable EventLoopGroup group) {
        return (group == null ? CHOSEN : of(group)).datagram();
    }

    private static SocketTransport of(EventLoopGroup group) {
        if (group.next() instanceof IoEventLoop loop) {
            for (SocketTransport t : PRESENT) {
                if (t.runs(loop)) {
                    return t;
                }
            }
        }
        String known = PRESENT.stream().map(SocketTransport::name).collect(Collectors.joining(" or "));
        throw new IllegalArgumentException("event loop group " + group + " is neither " + known
                + ", the only groups whose channel class cellnet derives; give the channel class with"
                + " channelType(..) (TCP and WebSocket acceptors and connectors)");
    }
}
