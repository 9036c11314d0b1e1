package io.cellnet.testing;

import io.cellnet.Address;
import io.cellnet.netty.internal.ChannelClasses;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.StreamGroups;
import io.netty.channel.ServerChannel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.SocketAddress;

/**
 * The channel family of {@link EmbeddedPeer}: one {@link EmbeddedChannel} per connection, made by
 * the peer itself, so there is nothing to bind, dial or share. An address is any cellnet address
 * (a transmitter may read it, as WebSocket reads the path) or a plain name.
 *
 * <p>Thread safety: immutable.
 */
final class EmbeddedKind implements ChannelKind {
    static final EmbeddedKind INSTANCE = new EmbeddedKind();
    private static final ChannelClasses CLASSES = new ChannelClasses(ServerChannel.class, EmbeddedChannel.class,
            g -> {
                throw unsupported();
            }, g -> EmbeddedChannel.class);

    private EmbeddedKind() {
    }

    @Override
    public Address parse(String address) {
        if (address.isBlank()) {
            throw new IllegalArgumentException("an embedded peer's address must not be blank");
        }
        try {
            return Address.parse(address);
        } catch (IllegalArgumentException notHostPort) {
            return new Address("embedded", address, 0, 0, "");
        }
    }

    @Override
    public StreamGroups groups() {
        throw unsupported();
    }

    /** {@link EmbeddedChannel} for a client; there is no server channel. */
    @Override
    public ChannelClasses classes() {
        return CLASSES;
    }

    @Override
    public SocketAddress bindAddress(Address address, int port) {
        throw unsupported();
    }

    @Override
    public SocketAddress connectAddress(Address address) {
        throw unsupported();
    }

    @Override
    public boolean hasSocketOptions() {
        return false;
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("an embedded peer makes its own EmbeddedChannel");
    }
}
