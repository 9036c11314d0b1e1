package io.cellnet.netty.internal.http;

import io.cellnet.Address;
import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import io.cellnet.codec.Codecs;
import io.cellnet.netty.http.HttpConnector;
import io.cellnet.netty.http.HttpRequestException;
import io.cellnet.netty.http.HttpStatusException;
import io.cellnet.netty.internal.ByteCounter;
import io.cellnet.netty.internal.DelegatingPeer;
import io.cellnet.netty.internal.NettyFutures;
import io.cellnet.netty.internal.OutboundLimits;
import io.cellnet.netty.internal.PeerShell;
import io.cellnet.netty.internal.stream.SocketKind;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * {@code http.Connector} on Netty's HTTP client codec; built by {@code HttpPeers.connector()}.
 * Each request takes an idle kept-alive connection or opens one, and gives it back after a
 * kept-alive answer (up to the idle limit); a timed-out request closes its connection.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettyHttpConnector implements HttpConnector, DelegatingPeer {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final PeerShell shell;
    private final HttpConnectorConfig config;
    private final Address address;
    private final boolean tls;
    private final ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Bootstrap bootstrap;

    /** A connector with {@code config}. */
    public NettyHttpConnector(HttpConnectorConfig config) {
        this.config = config;
        this.address = config.peer().address();
        this.tls = config.sslContext() != null || address.scheme().equalsIgnoreCase("https");
        if (address.isRange() || address.host().isEmpty()) {
            throw new IllegalArgumentException("an http.Connector needs one host and one port: " + address);
        }
        this.shell = new PeerShell(this, config.peer(), CLOSE_TIMEOUT, OutboundLimits.DEFAULT, this::startIo,
                this::stopIo);
    }

    @Override
    public PeerShell shell() {
        return shell;
    }

    private CompletableFuture<Void> startIo() {
        SslContext ssl;
        try {
            ssl = !tls ? null : config.sslContext() != null ? config.sslContext() : SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            return CompletableFuture.failedFuture(e);
        }
        EventLoopGroup group = shell.acquire(SocketKind.INSTANCE.groups().clients());
        shell.activeGroup(group);
        Bootstrap b = new Bootstrap().group(group)
                .channel(SocketKind.INSTANCE.classes().clientType(config.peer().group()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        config.requestTimeout().toMillis()))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ByteCounter.install(ch.pipeline(), shell.core().observer());
                        if (ssl != null) {
                            ch.pipeline().addLast("cellnet-tls", ssl.newHandler(ch.alloc(), address.host(),
                                    address.minPort()));
                        }
                        ch.pipeline().addLast("http-codec", new HttpClientCodec())
                                .addLast("http-aggregator", new HttpObjectAggregator(config.maxResponseBytes()))
                                .addLast("http-answer", new HttpClientHandler());
                    }
                });
        config.peer().applyChannelOptions(b);
        bootstrap = b;
        PeerShell.log.info("{} '{}' ready for {}://{}", typeName(), name(), tls ? "https" : "http",
                address.hostPort(address.minPort()));
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> stopIo() {
        bootstrap = null;
        idle.clear();
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Channel ch : channels) {
            waits.add(NettyFutures.whenDone(ch.close()));
        }
        return CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).thenCompose(v -> {
            shell.activeGroup(null);
            return shell.release(SocketKind.INSTANCE.groups().clients());
        });
    }

    @Override
    public <T> CompletableFuture<T> request(String method, String path, @Nullable Object request, Class<T> responseType) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(responseType, "responseType");
        Bootstrap b = bootstrap;
        if (b == null || !isRunning()) {
            return CompletableFuture.failedFuture(new IllegalStateException(typeName() + " '" + name()
                    + "' is not running: start() it before requests"));
        }
        FullHttpRequest req;
        try {
            req = newRequest(method, path, request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        acquire(b).whenComplete((ch, e) -> {
            if (e != null) {
                req.release();
                result.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                return;
            }
            exchange(ch, req, method, path, responseType, result);
        });
        return result;
    }

    private FullHttpRequest newRequest(String method, String path, @Nullable Object request) {
        byte[] body = new byte[0];
        Codec codec = Codecs.get(config.requestCodec());
        if (request != null) {
            body = codec.encode(request);
        }
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path.startsWith("/") ? path : "/" + path,
                Unpooled.wrappedBuffer(body));
        req.headers().set(HttpHeaderNames.HOST, address.hostPort(address.minPort()))
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                .set(HttpHeaderNames.ACCEPT, Codecs.get(config.responseCodec()).mimeType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (request != null) {
            req.headers().set(HttpHeaderNames.CONTENT_TYPE, codec.mimeType());
        }
        return req;
    }

    private CompletableFuture<Channel> acquire(Bootstrap b) {
        Channel ch;
        while ((ch = idle.pollFirst()) != null) {
            if (ch.isActive()) {
                return CompletableFuture.completedFuture(ch);
            }
        }
        CompletableFuture<Channel> f = new CompletableFuture<>();
        ChannelFuture connect = b.connect(address.host(), address.minPort());
        channels.add(connect.channel());
        connect.channel().closeFuture().addListener(c -> {
            channels.remove(connect.channel());
            idle.remove(connect.channel());
        });
        connect.addListener(done -> {
            if (done.isSuccess()) {
                f.complete(connect.channel());
            } else {
                Throwable c = done.cause();
                f.completeExceptionally(c instanceof IOException ? c : new IOException("cannot connect to "
                        + address.hostPort(address.minPort()) + ": " + c, c));
            }
        });
        return f;
    }

    private <T> void exchange(Channel ch, FullHttpRequest req, String method, String path, Class<T> type,
            CompletableFuture<T> result) {
        HttpClientHandler handler = ch.pipeline().get(HttpClientHandler.class);
        CompletableFuture<HttpClientHandler.Reply> reply = handler.expect();
        var timer = ch.eventLoop().schedule(() -> {
            if (reply.completeExceptionally(new TimeoutException(method + " " + path + ": no answer within "
                    + config.requestTimeout()))) {
                ch.close();
            }
        }, config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        ch.writeAndFlush(req).addListener(w -> {
            if (!w.isSuccess()) {
                reply.completeExceptionally(new IOException(method + " " + path + ": cannot send: " + w.cause(),
                        w.cause()));
            }
        });
        reply.whenComplete((r, e) -> {
            timer.cancel(false);
            if (e != null) {
                ch.close();
                result.completeExceptionally(e);
                return;
            }
            release(ch, r.keepAlive());
            try {
                result.complete(decode(r, method, path, type));
            } catch (RuntimeException ex) {
                result.completeExceptionally(ex);
            }
        });
    }

    private void release(Channel ch, boolean keepAlive) {
        if (keepAlive && ch.isActive() && bootstrap != null && idle.size() < config.maxIdle()) {
            idle.addFirst(ch);
        } else {
            ch.close();
        }
    }

    private <T> T decode(HttpClientHandler.Reply r, String method, String path, Class<T> type) {
        if (r.status() < 200 || r.status() > 299) {
            throw new HttpStatusException(method, path, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        }
        if (type == String.class) {
            return type.cast(new String(r.body(), StandardCharsets.UTF_8));
        }
        if (type == byte[].class) {
            return type.cast(r.body());
        }
        try {
            return Codecs.get(config.responseCodec()).decode(r.body(), type);
        } catch (CodecException e) {
            throw new CodecException(method + " " + path + ": the answer is not a " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public <T> T requestSync(String method, String path, @Nullable Object request, Class<T> responseType) {
        if (shell.onOwnEventLoop()) {
            throw new IllegalStateException("requestSync on an I/O thread of " + name() + " would deadlock");
        }
        try {
            return request(method, path, request, responseType).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpRequestException(method, path, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof HttpStatusException || c instanceof CodecException || c instanceof IllegalStateException
                    || c instanceof IllegalArgumentException) {
                throw (RuntimeException) c;
            }
            throw new HttpRequestException(method, path, c);
        }
    }

    /** The number of open connections (a diagnostic). */
    public int connectionCount() {
        return channels.size();
    }

    @Override
    public String toString() {
        return shell.toString();
    }
}
