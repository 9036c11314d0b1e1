package io.cellnet.netty.internal;

import io.cellnet.Address;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a stream peer (TCP, in-memory, and WebSocket over TCP), as built by a
 * {@code StreamPeerBuilder}: the common {@link PeerSettings} plus the stream options. The stream
 * acceptor and connector are built from it; users go through the builders.
 *
 * <p>Thread safety: immutable.
 *
 * @param peer           the settings every peer has
 * @param options        the socket options
 * @param closeTimeout   the graceful close bound
 * @param configurer     user pipeline handlers, or {@code null}
 * @param kind           the channel family (sockets, or in-memory channels)
 * @param outboundLimits the bound on each session's unwritten bytes
 * @param sslContext     TLS for every connection, or {@code null}
 * @param userChannelType the user's channel class ({@code channelType(..)}), or {@code null} to
 *                       derive it from the group
 */
public record TcpPeerConfig(PeerSettings peer, TcpOptions options, Duration closeTimeout,
        @Nullable Consumer<Channel> configurer, ChannelKind kind, OutboundLimits outboundLimits,
        @Nullable SslContext sslContext, @Nullable Class<? extends Channel> userChannelType) {

    /** The parsed address. */
    public Address address() {
        return peer.address();
    }

    /** The acceptor's server channel class: the user's, or the one of the channel family for the group. */
    public Class<? extends ServerChannel> serverChannelType() {
        return userChannelType != null ? userChannelType.asSubclass(ServerChannel.class)
                : kind.classes().serverType(peer.group());
    }

    /** The connector's channel class: the user's, or the one of the channel family for the group. */
    public Class<? extends Channel> clientChannelType() {
        return userChannelType != null ? userChannelType : kind.classes().clientType(peer.group());
    }

    /** Applies the socket options, then the user's channel options, through {@code setter}. */
    public void applyOptions(PeerSettings.OptionSetter setter) {
        setter.set(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(outboundLimits.lowWatermark(), outboundLimits.highWatermark()));
        if (kind.hasSocketOptions()) {
            setter.set(ChannelOption.TCP_NODELAY, options.noDelay());
            setter.set(ChannelOption.SO_KEEPALIVE, options.keepAlive());
            setter.set(ChannelOption.ALLOW_HALF_CLOSURE, true);
            if (options.readBufferSize() > 0) {
                setter.set(ChannelOption.SO_RCVBUF, options.readBufferSize());
            }
            if (options.writeBufferSize() > 0) {
                setter.set(ChannelOption.SO_SNDBUF, options.writeBufferSize());
            }
        } else {
            setter.set(ChannelOption.RECVBUF_ALLOCATOR, drainingReads());
        }
        peer.channelOptions().forEach(setter::setRaw);
    }

    /**
     * For in-memory channels: each read takes everything queued. Closing a {@code LocalChannel}
     * drops what its peer has not read yet, and a peer that reads a little at a time lets the close
     * of a graceful {@code session.close()} overtake the messages sent before it.
     */
    private static RecvByteBufAllocator drainingReads() {
        AdaptiveRecvByteBufAllocator a = new AdaptiveRecvByteBufAllocator();
        a.maxMessagesPerRead(Integer.MAX_VALUE);
        a.respectMaybeMoreData(false);
        return a;
    }
}
