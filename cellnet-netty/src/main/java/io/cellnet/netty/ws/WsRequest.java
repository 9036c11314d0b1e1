package io.cellnet.netty.ws;

import io.cellnet.ContextKey;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP upgrade request that opened a WebSocket session on an acceptor (Go's
 * {@code *http.Request} in the session context under {@code "request"}). Find it with
 * {@code session.getContext(WsPeers.REQUEST)}.
 *
 * <p>Thread safety: immutable.
 *
 * @param uri           the request URI, query included
 * @param path          the URI's path
 * @param headers       the request headers, names in lower case, values in order
 * @param remoteAddress the address the connection came from (a proxy's, behind one)
 * @param clientAddress the client's address: the first {@code X-Forwarded-For} entry (port 0) when
 *                      the acceptor trusts that header and it holds an IP address, else
 *                      {@code remoteAddress}
 */
public record WsRequest(String uri, String path, Map<String, List<String>> headers, SocketAddress remoteAddress,
        SocketAddress clientAddress) {
    /** Where an acceptor's session keeps its upgrade request ({@code WsPeers.REQUEST}). */
    public static final ContextKey<WsRequest> CONTEXT_KEY = ContextKey.of("ws.request", WsRequest.class);
    /** Go's session context key for the upgrade request; holds the same request. */
    public static final String GO_CONTEXT_KEY = "request";


    /** Checks the arguments and copies the headers, lower-casing their names. */
    public WsRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Map.copyOf(copy);
    }

    /** The first value of header {@code name} (any case), or {@code null}. */
    public @Nullable String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of header {@code name} (any case), in order; empty when absent. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The {@code Origin} header, or {@code null} (non-browser clients usually send none). */
    public @Nullable String origin() {
        return header("origin");
    }
}
