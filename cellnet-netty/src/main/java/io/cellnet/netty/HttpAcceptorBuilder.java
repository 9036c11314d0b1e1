package io.cellnet.netty;

import io.cellnet.Address;
import io.cellnet.netty.http.HttpAcceptor;
import io.cellnet.netty.internal.http.HttpAcceptorConfig;
import io.cellnet.netty.internal.http.HttpAcceptorConfig.RouteKey;
import io.cellnet.netty.internal.http.NettyHttpAcceptor;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@code http.Acceptor} (Go's {@code peer/http} acceptor).
 *
 * <pre>{@code
 * HttpAcceptor server = HttpPeers.acceptor()
 *     .address("0.0.0.0:8080")
 *     .route("POST", "/hello_post", HttpEchoREQ.class)   // body decoded into the message
 *     .staticDir(Path.of("www"))                          // unmatched GET/HEAD: files, then 404
 *     .queue(queue)
 *     .callback(ev -> {
 *         if (ev.message() instanceof HttpEchoREQ req) {
 *             ev.reply(new HttpEchoACK("post", 0));        // httpjson, 200; later is fine too
 *         }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Routes: a request whose method and path are a declared {@link #route} is delivered with its
 * body (or query string) decoded into the route's type, and may be answered later, bounded by the
 * {@link #responseTimeout}. Any other request is delivered with its {@code HttpRequestInfo} as the
 * message (Go's behaviour, where the handler matches with {@code HttpPeers.request(session).match(..)});
 * when the callback returns without answering, it falls through to the static files, then 404.
 *
 * <p>Thread safety: not thread-safe; use from one thread. The built peer is thread-safe.
 */
public final class HttpAcceptorBuilder extends PeerBuilder<HttpAcceptorBuilder> {
    private final Map<RouteKey, Class<?>> routes = new LinkedHashMap<>();
    private @Nullable Path staticDir;
    private @Nullable Path templateDir;
    private String[] delimiters = {"{{", "}}"};
    private int maxRequestBytes = 1 << 20;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofMinutes(3);
    private @Nullable SslContext sslContext;

    HttpAcceptorBuilder() {
        super("http.Acceptor", "http", HttpAcceptorBuilder::parse);
    }

    static Address parse(String text) {
        Address a = Address.parse(text);
        if (!a.scheme().isEmpty() && !a.scheme().equals("http") && !a.scheme().equals("https")) {
            throw new IllegalArgumentException("an http address is host:port or http(s)://host:port: " + text);
        }
        return a;
    }

    /**
     * Declares {@code method path}: its body ({@code application/json}, a form, or protobuf when
     * cellnet-protobuf is present), or its query string when it has no body, is decoded into a
     * {@code requestType}; undecodable input is answered 400, an unknown content type 415.
     */
    public HttpAcceptorBuilder route(String method, String path, Class<?> requestType) {
        Objects.requireNonNull(requestType, "requestType");
        routes.put(new RouteKey(Objects.requireNonNull(method, "method"), checkPath(path)),
                Objects.requireNonNull(requestType, "requestType"));
        return this;
    }

    /**
     * Declares {@code method path} without a body type: the message is its {@code HttpRequestInfo},
     * and the handler may answer after its callback returns (bounded by {@link #responseTimeout}).
     */
    public HttpAcceptorBuilder route(String method, String path) {
        return route(method, path, void.class);
    }

    private static String checkPath(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + path);
        }
        return path;
    }

    /** Serves the files under {@code dir} for unmatched {@code GET}/{@code HEAD} requests (Go's {@code SetFileServe}). */
    public HttpAcceptorBuilder staticDir(Path dir) {
        this.staticDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /** Where the {@code HtmlRespond} templates are ({@code .tpl}, {@code .html}); read at start. */
    public HttpAcceptorBuilder templateDir(Path dir) {
        this.templateDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /** The template delimiters (Go's {@code DelimsLeft}/{@code DelimsRight}); {@code {{ }}} by default. */
    public HttpAcceptorBuilder templateDelimiters(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            throw new IllegalArgumentException("empty template delimiter");
        }
        this.delimiters = new String[] {left, right};
        return this;
    }

    /** The largest request body; a larger one is answered 413. 1 MiB by default. */
    public HttpAcceptorBuilder maxRequestBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxRequestBytes < 0: " + bytes);
        }
        this.maxRequestBytes = bytes;
        return this;
    }

    /** How long a request may take to arrive, first byte to last; slower ones get 408. 30 s by default. */
    public HttpAcceptorBuilder requestTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /** How long a declared route's handler may take to answer; then 503. 30 s by default. */
    public HttpAcceptorBuilder responseTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        this.responseTimeout = positive(timeout, "responseTimeout");
        return this;
    }

    /** How long a kept-alive connection may wait for its next request. 3 minutes by default (Go's keep-alive period). */
    public HttpAcceptorBuilder idleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        this.idleTimeout = positive(timeout, "idleTimeout");
        return this;
    }

    /** Serves HTTPS with {@code context}, the same TLS setting as the TCP acceptor's {@code ssl(..)}. */
    public HttpAcceptorBuilder ssl(SslContext context) {
        this.sslContext = Objects.requireNonNull(context, "context");
        return this;
    }

    static Duration positive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    /** The acceptor, stopped. */
    public HttpAcceptor build() {
        return new NettyHttpAcceptor(new HttpAcceptorConfig(settings(), routes, staticDir, templateDir, delimiters,
                maxRequestBytes, requestTimeout, responseTimeout, idleTimeout, sslContext));
    }
}
