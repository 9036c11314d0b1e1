package io.cellnet.netty.internal.ws;

import io.cellnet.Address;
import io.cellnet.netty.internal.ChannelClasses;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.StreamGroups;
import io.cellnet.netty.internal.TcpPeerConfig;
import io.cellnet.netty.internal.stream.SocketKind;
import io.cellnet.netty.ws.WsOptions;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.AttributeKey;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import javax.net.ssl.SSLException;

/**
 * TCP sockets carrying WebSocket: {@link SocketKind} with WebSocket addresses
 * ({@code [ws://|wss://]host:port[/path]}, path {@code /} by default) and this peer's
 * {@link WsOptions} stored on each channel for the {@code ws.ltv} transmitter. A connector with a
 * {@code wss://} address and no TLS context of its own uses the JDK's default trust.
 *
 * <p>Thread safety: immutable.
 */
public final class WsKind implements ChannelKind {
    /** The peer's WebSocket options, on each of its channels. */
    static final AttributeKey<WsOptions> OPTIONS = AttributeKey.valueOf("cellnet.ws.options");

    private final WsOptions options;

    public WsKind(WsOptions options) {
        this.options = options;
    }

    @Override
    public Address parse(String address) {
        Address a = Address.parse(address);
        String scheme = a.scheme();
        if (!scheme.isEmpty() && !scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("invalid websocket address '" + address
                    + "': scheme must be ws, wss or none");
        }
        return a.path().isEmpty() ? new Address(scheme, a.host(), a.minPort(), a.maxPort(), "/") : a;
    }

    @Override
    public void initChannel(Channel channel, TcpPeerConfig config, boolean client) {
        channel.attr(OPTIONS).set(options);
        Address a = config.address();
        if (client && config.sslContext() == null && a.scheme().equals("wss")) {
            channel.pipeline().addLast("cellnet-tls", DefaultTls.CLIENT.newHandler(channel.alloc(), a.host(), a.minPort()));
        }
    }

    @Override
    public StreamGroups groups() {
        return SocketKind.INSTANCE.groups();
    }

    @Override
    public ChannelClasses classes() {
        return SocketKind.INSTANCE.classes();
    }

    @Override
    public SocketAddress bindAddress(Address address, int port) {
        return SocketKind.INSTANCE.bindAddress(address, port);
    }

    @Override
    public SocketAddress connectAddress(Address address) {
        return SocketKind.INSTANCE.connectAddress(address);
    }

    @Override
    public boolean hasSocketOptions() {
        return true;
    }

    /** The client TLS context for {@code wss://} without one of the user's: the JDK's trust store. */
    private static final class DefaultTls {
        static final SslContext CLIENT = create();

        private static SslContext create() {
            try {
                return SslContextBuilder.forClient().build();
            } catch (SSLException e) {
                throw new UncheckedIOException("cannot create the default TLS client context", e);
            }
        }
    }
}
