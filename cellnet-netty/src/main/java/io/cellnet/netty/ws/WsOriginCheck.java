package io.cellnet.netty.ws;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides whether an acceptor accepts a WebSocket upgrade request, typically by its
 * {@code Origin} header (Go's {@code Upgrader.CheckOrigin}). A refused request gets
 * {@code 403 Forbidden} and no session. The default, {@link #allowAll()}, accepts every origin, as
 * cellnet's Go acceptor does; browsers on any site can then open sessions with the user's cookies,
 * so set a check when sessions rely on them.
 *
 * <p>Thread safety: called on I/O threads, possibly at the same time; implementations must be
 * thread-safe and fast, and must not block.
 */
@FunctionalInterface
public interface WsOriginCheck {

    /** {@code true} to accept the upgrade. An exception counts as {@code false}. */
    boolean allow(WsRequest request);

    /** Accepts every request (the default; Go cellnet's {@code CheckOrigin} returns true). */
    static WsOriginCheck allowAll() {
        return request -> true;
    }

    /**
     * Accepts requests without an {@code Origin} header (non-browser clients) and those whose
     * origin is one of {@code origins} (for example {@code "https://game.example"}), compared
     * without regard to case.
     */
    static WsOriginCheck allowOrigins(String... origins) {
        Objects.requireNonNull(origins, "origins");
        Set<String> allowed = Stream.of(origins).map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return request -> {
            String origin = request.origin();
            return origin == null || allowed.contains(origin.toLowerCase(Locale.ROOT));
        };
    }

    /**
     * Gorilla's default when no check is set: accepts requests without an {@code Origin} header and
     * those whose origin's host and port equal the {@code Host} header.
     */
    static WsOriginCheck sameHost() {
        return request -> {
            String origin = request.origin();
            if (origin == null) {
                return true;
            }
            String host = request.header("host");
            try {
                return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
    }
}
