package io.cellnet.netty.internal.http;

import io.cellnet.Address;
import io.cellnet.netty.http.HttpAcceptor;
import io.cellnet.netty.internal.ByteCounter;
import io.cellnet.netty.internal.DelegatingPeer;
import io.cellnet.netty.internal.NettyFutures;
import io.cellnet.netty.internal.OutboundLimits;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.netty.internal.PeerShell;
import io.cellnet.netty.internal.StreamGroups;
import io.cellnet.netty.internal.stream.SocketKind;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code http.Acceptor} on Netty's HTTP/1.1 server codec; built by {@code HttpPeers.acceptor()}.
 * Pipeline per connection: TLS (when set), the HTTP codec, the {@link SlowRequestGuard}, the
 * aggregator (413 beyond the request size limit), chunked writes (static files), the idle timeout
 * and the {@link HttpServerHandler}. Stopping closes the listening socket and every connection
 * and releases the port.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettyHttpAcceptor implements HttpAcceptor, DelegatingPeer {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final PeerShell shell;
    private final HttpAcceptorConfig config;
    private final Set<Channel> children = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Channel serverChannel;

    /** An acceptor with {@code config}. */
    public NettyHttpAcceptor(HttpAcceptorConfig config) {
        this.config = config;
        this.shell = new PeerShell(this, config.peer(), CLOSE_TIMEOUT, OutboundLimits.DEFAULT, this::startIo,
                this::stopIo);
    }

    @Override
    public PeerShell shell() {
        return shell;
    }

    private HttpDispatcher dispatcher() throws IOException {
        HtmlTemplates templates = config.templateDir() == null ? HtmlTemplates.NONE
                : HtmlTemplates.load(config.templateDir(), config.delimiters()[0], config.delimiters()[1]);
        StaticFiles files = config.staticDir() == null ? null : StaticFiles.of(config.staticDir());
        return new HttpDispatcher(shell.core(), config.routes(), files, new RespondEncoder(templates),
                config.responseTimeout());
    }

    private CompletableFuture<Void> startIo() {
        HttpDispatcher dispatcher;
        try {
            dispatcher = dispatcher();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(typeName() + " '" + name()
                    + "' cannot read its static or template directory: " + e.getMessage(), e));
        }
        PeerSettings peer = config.peer();
        StreamGroups groups = SocketKind.INSTANCE.groups();
        EventLoopGroup boss = shell.acquire(groups.boss());
        EventLoopGroup workers = shell.acquire(groups.workers());
        shell.activeGroup(workers);
        ServerBootstrap b = new ServerBootstrap().group(boss, workers)
                .channel(SocketKind.INSTANCE.classes().serverType(peer.group()))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        children.add(ch);
                        ch.closeFuture().addListener(f -> children.remove(ch));
                        install(ch.pipeline(), ch, dispatcher);
                    }
                });
        peer.channelOptions().forEach((o, v) -> childOption(b, o, v));
        CompletableFuture<Void> started = new CompletableFuture<>();
        bindFrom(b, peer.address(), peer.address().minPort(), started);
        return started.whenComplete((v, e) -> {
            if (e != null) {
                releaseGroups();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void childOption(ServerBootstrap b, ChannelOption<?> o, Object v) {
        b.childOption((ChannelOption<Object>) o, v);
    }

    private void install(ChannelPipeline p, Channel ch, HttpDispatcher dispatcher) {
        ByteCounter.install(p, shell.core().observer());
        SslContext ssl = config.sslContext();
        if (ssl != null) {
            p.addLast("cellnet-tls", ssl.newHandler(ch.alloc()));
        }
        p.addLast("http-codec", new HttpServerCodec());
        p.addLast("http-slow-request", new SlowRequestGuard(config.requestTimeout().toNanos()));
        p.addLast("http-aggregator", new HttpObjectAggregator(config.maxRequestBytes(), true));
        p.addLast("http-chunked", new ChunkedWriteHandler());
        p.addLast("http-idle", new IdleStateHandler(0, 0, config.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        p.addLast("http-exchange", new HttpServerHandler(dispatcher));
    }

    private void bindFrom(ServerBootstrap b, Address address, int port, CompletableFuture<Void> started) {
        ChannelFuture f = b.bind(SocketKind.INSTANCE.bindAddress(address, port));
        f.addListener(done -> {
            if (done.isSuccess()) {
                serverChannel = f.channel();
                PeerShell.log.info("{} '{}' listening on {}{}", typeName(), name(),
                        config.sslContext() == null ? "http://" : "https://", f.channel().localAddress());
                started.complete(null);
            } else if (port < address.maxPort()) {
                bindFrom(b, address, port + 1, started);
            } else {
                BindException e = new BindException(typeName() + " '" + name() + "' cannot listen on " + address + ": "
                        + done.cause().getMessage());
                e.initCause(done.cause());
                PeerShell.log.error(e.getMessage());
                started.completeExceptionally(e);
            }
        });
    }

    private CompletableFuture<Void> stopIo() {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        Channel sc = serverChannel;
        serverChannel = null;
        if (sc != null) {
            waits.add(NettyFutures.whenDone(sc.close()));
        }
        for (Channel ch : children) {
            waits.add(NettyFutures.whenDone(ch.close()));
        }
        return CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]))
                .thenCompose(v -> releaseGroups())
                .whenComplete((v, e) -> PeerShell.log.info("{} '{}' stopped", typeName(), name()));
    }

    private CompletableFuture<Void> releaseGroups() {
        shell.activeGroup(null);
        StreamGroups groups = SocketKind.INSTANCE.groups();
        return CompletableFuture.allOf(shell.release(groups.boss()), shell.release(groups.workers()));
    }

    @Override
    public int port() {
        Channel sc = serverChannel;
        return sc != null && sc.localAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    }

    @Override
    public @Nullable String boundAddress() {
        int port = port();
        if (port == 0) {
            return null;
        }
        String host = config.peer().address().host();
        boolean wildcard = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
        return new Address("", wildcard ? "127.0.0.1" : host, port, port, "").hostPort(port);
    }

    @Override
    public boolean isReady() {
        Channel sc = serverChannel;
        return sc != null && sc.isActive();
    }

    /** The number of open connections (a diagnostic: 0 after a stop). */
    public int connectionCount() {
        return children.size();
    }

    @Override
    public String toString() {
        return shell.toString();
    }
}
