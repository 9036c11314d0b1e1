package io.cellnet.netty.internal.http;

import io.cellnet.netty.internal.PeerSettings;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an {@code http.Acceptor}.
 *
 * <p>Thread safety: immutable.
 *
 * @param peer            the common settings
 * @param routes          the declared routes: request type by method and path ({@code void.class}
 *                        when the route has no body type)
 * @param staticDir       where unmatched requests look for files, or {@code null}
 * @param templateDir     where {@code HtmlRespond} templates are, or {@code null}
 * @param delimiters      the template delimiters, left and right
 * @param maxRequestBytes the largest request body; larger ones are answered 413
 * @param requestTimeout  how long a request may take to arrive; slower ones are answered 408
 * @param responseTimeout how long a declared route's handler may take to answer; then 503
 * @param idleTimeout     how long a kept-alive connection may stay idle
 * @param sslContext      TLS (HTTPS), or {@code null}
 */
public record HttpAcceptorConfig(PeerSettings peer, Map<RouteKey, Class<?>> routes, @Nullable Path staticDir,
        @Nullable Path templateDir, String[] delimiters, int maxRequestBytes, Duration requestTimeout,
        Duration responseTimeout, Duration idleTimeout, @Nullable SslContext sslContext) {

    /** Checks the arguments. */
    public HttpAcceptorConfig {
        Objects.requireNonNull(peer, "peer");
        routes = Map.copyOf(routes);
        delimiters = delimiters.clone();
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** A method and a path, the key of a route. */
    public record RouteKey(String method, String path) {
        /** Upper-cases the method. */
        public RouteKey {
            method = method.toUpperCase(java.util.Locale.ROOT);
            Objects.requireNonNull(path, "path");
        }
    }
}
