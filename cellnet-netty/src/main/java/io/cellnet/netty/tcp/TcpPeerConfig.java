package io.cellnet.netty.tcp;

import io.cellnet.Address;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.PipelineConfigurer;
import io.cellnet.netty.internal.ChannelKind;
import io.cellnet.netty.internal.OutboundLimits;
import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings every stream peer (TCP, and WebSocket over TCP) has, as built by a
 * {@link TcpPeerBuilder}. Transport modules pass it to {@link NettyTcpAcceptor} and
 * {@link NettyTcpConnector}; users go through the builders.
 *
 * <p>Thread safety: immutable.
 *
 * @param typeName       the peer type, for example {@code "tcp.Acceptor"}
 * @param name           the peer's name
 * @param addressText    the address as given
 * @param address        the parsed address
 * @param queue          the callback queue
 * @param registry       the message registry
 * @param bundle         the processor bundle
 * @param options        the socket options
 * @param closeTimeout   the graceful close bound
 * @param group          a user event loop group, or {@code null} for the shared one
 * @param channelOptions extra Netty channel options
 * @param configurer     user pipeline handlers, or {@code null}
 * @param kind           the channel family (sockets, or in-memory channels)
 * @param outboundLimits the bound on each session's unwritten bytes
 * @param sslContext     TLS for every connection, or {@code null}
 */
public record TcpPeerConfig(String typeName, String name, String addressText, Address address, EventQueue queue, MessageRegistry registry,
        ProcessorBundle bundle, TcpOptions options, Duration closeTimeout, @Nullable EventLoopGroup group,
        Map<ChannelOption<?>, Object> channelOptions, @Nullable PipelineConfigurer configurer, ChannelKind kind,
        OutboundLimits outboundLimits, @Nullable SslContext sslContext) {

    /** Applies the socket options, then the user's channel options, through {@code setter}. */
    public void applyOptions(OptionSetter setter) {
        setter.set(ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(outboundLimits.lowWatermark(), outboundLimits.highWatermark()));
        if (!kind.hasSocketOptions()) {
            channelOptions.forEach(setter::setRaw);
            return;
        }
        setter.set(ChannelOption.TCP_NODELAY, options.noDelay());
        setter.set(ChannelOption.SO_KEEPALIVE, options.keepAlive());
        setter.set(ChannelOption.ALLOW_HALF_CLOSURE, true);
        if (options.readBufferSize() > 0) {
            setter.set(ChannelOption.SO_RCVBUF, options.readBufferSize());
        }
        if (options.writeBufferSize() > 0) {
            setter.set(ChannelOption.SO_SNDBUF, options.writeBufferSize());
        }
        channelOptions.forEach(setter::setRaw);
    }

    /**
     * Sets one channel option on a bootstrap.
     *
     * <p>Thread safety: used on the thread that builds the bootstrap.
     */
    public interface OptionSetter {
        /** Sets {@code option} to {@code value}. */
        <T> void set(ChannelOption<T> option, T value);

        /** Sets an option whose type is only known at run time. */
        @SuppressWarnings("unchecked")
        default void setRaw(ChannelOption<?> option, Object value) {
            set((ChannelOption<Object>) option, value);
        }

        /** A setter for a bootstrap's channel options. */
        static OptionSetter of(AbstractBootstrap<?, ?> b) {
            return new OptionSetter() {
                @Override
                public <T> void set(ChannelOption<T> option, T value) {
                    b.option(option, value);
                }
            };
        }
    }
}
