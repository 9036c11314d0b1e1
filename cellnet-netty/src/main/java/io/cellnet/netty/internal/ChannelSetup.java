package io.cellnet.netty.internal;

import io.cellnet.Address;
import io.cellnet.IdleTimeoutException;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Builds a cellnet channel pipeline: TLS when configured, the user's handlers, the idle handlers,
 * the transmitter's decoder, and the {@link SessionHandler}. The session starts when the channel is
 * active, or after the TLS handshake, or after the transmitter's own handshake (WebSocket).
 *
 * <p>Thread safety: immutable; {@link #initializer} runs on channel event loops.
 */
public final class ChannelSetup {
    private final PeerCore core;
    private final SessionBinder binder;
    private final TcpPeerConfig config;
    private final boolean client;
    private final @Nullable ProxyProtocolSettings proxy;

    /**
     * A setup for channels of the peer with {@code core}, whose sessions {@code binder} makes;
     * {@code client} for a connector.
     */
    public ChannelSetup(PeerCore core, SessionBinder binder, TcpPeerConfig config, boolean client) {
        this(core, binder, config, client, null);
    }

    /**
     * A setup as above whose channels start with the PROXY protocol header when {@code proxy} is
     * given (an acceptor's): the header is read first, and the session starts after it.
     */
    public ChannelSetup(PeerCore core, SessionBinder binder, TcpPeerConfig config, boolean client,
            @Nullable ProxyProtocolSettings proxy) {
        this.core = core;
        this.binder = binder;
        this.config = config;
        this.client = client;
        this.proxy = proxy;
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
        ChannelPipeline p = ch.pipeline();
        ByteCounter.install(p, core.observer());
        if (proxy != null) {
            p.addLast("cellnet-proxy-protocol", new ProxyProtocolHandler(proxy, core.name()));
        }
        SslContext ssl = config.sslContext();
        if (ssl != null) {
            Address a = config.address();
            p.addLast("cellnet-tls", client ? ssl.newHandler(ch.alloc(), a.host(), a.minPort()) : ssl.newHandler(ch.alloc()));
        }
        config.kind().initChannel(ch, config, client);
        Consumer<Channel> configurer = config.configurer();
        if (configurer != null) {
            configurer.accept(ch);
        }
        TcpOptions options = config.options();
        if (!options.readIdleTimeout().isZero()) {
            p.addLast("cellnet-read-idle",
                    new IdleStateHandler(options.readIdleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        }
        if (!options.writeIdleTimeout().isZero()) {
            p.addLast("cellnet-write-timeout", new WriteIdleHandler(options.writeIdleTimeout()));
        }
        ChannelTransmitter tx = core.transmitter();
        tx.initChannel(p, new TransmitterSettings(core.registry(), options.maxPacketSize(), core.name(),
                config.address(), client));
        // the TLS handshake and the WebSocket upgrade come after the PROXY header on the wire
        Predicate<Object> startEvent = tx.startsOnConnect()
                ? (ssl != null ? evt -> evt instanceof SslHandshakeCompletionEvent e && e.isSuccess()
                        : proxy != null ? evt -> evt == ProxyProtocolHandler.Done.INSTANCE : null)
                : tx::isSessionStart;
        p.addLast("cellnet-session", new SessionHandler(core, binder,
                client ? SessionConnected.INSTANCE : SessionAccepted.INSTANCE, options.readIdleTimeout(), startEvent));
    }

    /**
     * Netty's write timeout, failing the session with an {@link IdleTimeoutException} (an I/O
     * failure, as the read idle timeout) instead of Netty's {@code WriteTimeoutException}.
     */
    private static final class WriteIdleHandler extends WriteTimeoutHandler {
        private final Duration timeout;
        private boolean timedOut;

        WriteIdleHandler(Duration timeout) {
            super(timeout.toNanos(), TimeUnit.NANOSECONDS);
            this.timeout = timeout;
        }

        @Override
        protected void writeTimedOut(ChannelHandlerContext ctx) {
            if (!timedOut) {
                timedOut = true;
                ctx.fireExceptionCaught(new IdleTimeoutException("write", timeout));
                ctx.close();
            }
        }
    }
}
