package io.cellnet.netty.tcp;

import io.cellnet.Address;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.PipelineConfigurer;
import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings every TCP peer has, as built by {@link TcpPeerBuilder}.
 *
 * <p>Thread safety: immutable.
 */
record TcpPeerConfig(String name, String addressText, Address address, EventQueue queue, MessageRegistry registry,
        ProcessorBundle bundle, TcpOptions options, Duration closeTimeout, @Nullable EventLoopGroup group,
        Map<ChannelOption<?>, Object> channelOptions, @Nullable PipelineConfigurer configurer) {

    /** Applies the socket options, then the user's channel options, through {@code setter}. */
    void applyOptions(OptionSetter setter) {
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
    interface OptionSetter {
        <T> void set(ChannelOption<T> option, T value);

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
