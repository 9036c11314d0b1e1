package io.cellnet.netty.internal;

import io.cellnet.Address;
import io.netty.channel.Channel;
import java.net.SocketAddress;

/**
 * What differs between the channel families a stream peer can run on: sockets (TCP, native epoll
 * or NIO) or Netty's in-memory {@code LocalChannel}s. Acceptors and connectors are written once
 * against this.
 *
 * <p>Thread safety: implementations are immutable; their shared groups are thread-safe.
 */
public interface ChannelKind {

    /** Parses and checks a peer address of this family. */
    Address parse(String address);

    /** The family's shared event loop groups. */
    StreamGroups groups();

    /** The family's channel classes. */
    ChannelClasses classes();

    /** Where an acceptor listens when trying {@code port} of {@code address}. */
    SocketAddress bindAddress(Address address, int port);

    /** Where a connector dials. */
    SocketAddress connectAddress(Address address);

    /** {@code true} when TCP socket options (TCP_NODELAY, buffers, keep-alive) apply. */
    boolean hasSocketOptions();

    /**
     * {@code true} when the family's channels run on the socket transport's event loops (epoll or
     * NIO), so that a loop queue's event loop can carry them; {@code true} by default.
     */
    default boolean runsOnSocketLoops() {
        return true;
    }

    /**
     * Prepares a new channel of a peer with {@code config} before any user or cellnet handler is
     * added (after TLS, when configured): a transport over TCP stores its per-peer settings on the
     * channel here. Does nothing by default. Called on the channel's event loop.
     */
    default void initChannel(Channel channel, TcpPeerConfig config, boolean client) {
    }
}
