package io.cellnet.netty.internal.stream;

import io.cellnet.Address;
import io.cellnet.netty.internal.ChannelClasses;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.SharedGroup;
import io.cellnet.netty.internal.StreamGroups;
import io.cellnet.netty.internal.Transports;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * TCP sockets: native epoll when available, NIO otherwise (see {@link Transports}). Addresses are
 * cellnet addresses; an acceptor's empty host listens on every interface; a connector's host is
 * resolved again on every attempt.
 *
 * <p>Thread safety: immutable; the shared groups are thread-safe.
 *
 * @param groups  the shared event loop groups of socket peers
 * @param classes the socket channel classes (epoll or NIO, following the group)
 */
public record SocketKind(StreamGroups groups, ChannelClasses classes) implements ChannelKind {
    // Declared before INSTANCE, whose groups read it (declared after, it read 0 there and the
    // shared groups got Netty's default of twice the cores).
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** The socket family, on its shared groups. */
    public static final SocketKind INSTANCE = new SocketKind(
            new StreamGroups(SharedGroup.of("cellnet-acceptor-boss", 1), SharedGroup.of("cellnet-acceptor", CORES),
                    SharedGroup.of("cellnet-connector", CORES)),
            new ChannelClasses(ServerSocketChannel.class, SocketChannel.class,
                    g -> g == null ? Transports.serverSocketChannel() : Transports.serverSocketChannelFor(g),
                    g -> g == null ? Transports.socketChannel() : Transports.socketChannelFor(g)));

    @Override
    public Address parse(String address) {
        return Address.parse(address);
    }

    @Override
    public SocketAddress bindAddress(Address address, int port) {
        return address.host().isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(address.host(), port);
    }

    @Override
    public SocketAddress connectAddress(Address address) {
        if (address.isRange() || address.host().isEmpty()) {
            throw new IllegalArgumentException("a connector needs one host and one port: " + address);
        }
        return InetSocketAddress.createUnresolved(address.host(), address.minPort());
    }

    @Override
    public boolean hasSocketOptions() {
        return true;
    }
}
