package io.cellnet.netty.internal;

import io.cellnet.Address;
import io.cellnet.netty.PipelineConfigurer;
import io.cellnet.netty.TransmitterSettings;
import io.cellnet.netty.tcp.TcpOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Builds a cellnet channel pipeline: the user's handlers, the idle handlers, the transmitter's
 * decoder, and the {@link SessionHandler}.
 *
 * <p>Thread safety: immutable; {@link #initializer} runs on channel event loops.
 */
public final class ChannelSetup {
    private final SessionBinder binder;
    private final TcpOptions options;
    private final @Nullable PipelineConfigurer configurer;
    private final Address address;
    private final boolean client;

    /** A setup for channels of the peer behind {@code binder}. */
    public ChannelSetup(SessionBinder binder, TcpOptions options, @Nullable PipelineConfigurer configurer,
            Address address, boolean client) {
        this.binder = binder;
        this.options = options;
        this.configurer = configurer;
        this.address = address;
        this.client = client;
    }

    /** A channel initializer that installs the pipeline. */
    public ChannelInitializer<Channel> initializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                install(ch);
            }
        };
    }

    /** Installs the pipeline on {@code ch}. */
    public void install(Channel ch) {
        if (configurer != null) {
            configurer.configure(ch);
        }
        ChannelPipeline p = ch.pipeline();
        if (!options.readIdleTimeout().isZero()) {
            p.addLast("cellnet-read-idle",
                    new IdleStateHandler(options.readIdleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        }
        if (!options.writeIdleTimeout().isZero()) {
            p.addLast("cellnet-write-timeout",
                    new WriteTimeoutHandler(options.writeIdleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        }
        PeerCore core = binder.core();
        core.transmitter().initChannel(p, new TransmitterSettings(core.registry(), options.maxPacketSize(), core.name(),
                address, client));
        p.addLast("cellnet-session", new SessionHandler(binder, options.readIdleTimeout()));
    }
}
