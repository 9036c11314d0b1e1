package io.cellnet.netty.internal.http;

import io.cellnet.netty.internal.PeerSettings;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an {@code http.Connector}.
 *
 * <p>Thread safety: immutable.
 *
 * @param peer             the common settings
 * @param requestCodec     the codec of request bodies
 * @param responseCodec    the codec of answers
 * @param maxResponseBytes the largest answer body accepted
 * @param requestTimeout   how long a request may wait for its answer (connecting included)
 * @param maxIdle          how many idle connections are kept for reuse
 * @param sslContext       TLS (HTTPS), or {@code null} (an {@code https://} address then uses the
 *                         JDK's trust store)
 */
public record HttpConnectorConfig(PeerSettings peer, String requestCodec, String responseCodec, int maxResponseBytes,
        Duration requestTimeout, int maxIdle, @Nullable SslContext sslContext) {

    /** Checks the arguments. */
    public HttpConnectorConfig {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(requestCodec, "requestCodec");
        Objects.requireNonNull(responseCodec, "responseCodec");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }
}
