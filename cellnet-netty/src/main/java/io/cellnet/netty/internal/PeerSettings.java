package io.cellnet.netty.internal;



import io.cellnet.Address;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.observe.Observer;
import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings every cellnet-netty peer has, whatever its transport, as built by a
 * {@code PeerBuilder}.
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
 * @param group          a user event loop group, or {@code null} for the shared one
 * @param channelOptions extra Netty channel options
 * @param observer       what makes the peer's observer ({@code Observability.current()} unless the
 *                       builder was given one)
 */
public record PeerSettings(String typeName, String name, String addressText, Address address, EventQueue queue,
        MessageRegistry registry, ProcessorBundle bundle, @Nullable EventLoopGroup group,
        Map<ChannelOption<?>, Object> channelOptions, Observer observer) {

    /** Checks the arguments and freezes the options. */
    public PeerSettings {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(addressText, "addressText");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(observer, "observer");
        channelOptions = Map.copyOf(channelOptions);
    }

    /** Sets the user's channel options on {@code bootstrap}. */
    public void applyChannelOptions(AbstractBootstrap<?, ?> bootstrap) {
        OptionSetter setter = OptionSetter.of(bootstrap);
        channelOptions.forEach(setter::setRaw);
    }

    /**
     * Sets one channel option on a bootstrap (its channel options, or an acceptor's child options).
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
