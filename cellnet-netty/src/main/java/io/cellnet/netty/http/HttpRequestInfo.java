package io.cellnet.netty.http;

import io.cellnet.ContextKey;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as the acceptor's handler sees it: on every exchange session (see
 * {@code HttpPeers.request(session)}), and as the event's message for requests of a path that
 * has no declared request type. {@link #match} is Go's {@code RequestMatcher.Match}.
 *
 * <p>Thread safety: immutable.
 *
 * @param method  the method, upper case ({@code GET})
 * @param path    the path, percent-decoded, without the query ({@code /hello_get})
 * @param query   the query parameters, decoded, in order
 * @param headers the headers, names in lower case
 * @param remote  the client's address, or {@code null}
 */
public record HttpRequestInfo(String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> headers, @Nullable SocketAddress remote) {
    /** Where an exchange session keeps its request. */
    public static final ContextKey<HttpRequestInfo> CONTEXT_KEY = ContextKey.of("http.request", HttpRequestInfo.class);

    /** Checks the arguments and freezes the maps. */
    public HttpRequestInfo {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** {@code true} when the method and the path are exactly these (the method ignoring case). */
    public boolean match(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        return this.method.equalsIgnoreCase(method) && this.path.equals(path);
    }

    /** The first value of the query parameter {@code name}, or {@code null}. */
    public @Nullable String queryParam(String name) {
        Objects.requireNonNull(name, "name");
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of the header {@code name} (any case), or {@code null}. */
    public @Nullable String header(String name) {
        Objects.requireNonNull(name, "name");
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
