package io.cellnet.netty;

import io.cellnet.codec.Codecs;
import io.cellnet.netty.http.HttpConnector;
import io.cellnet.netty.internal.http.HttpConnectorConfig;
import io.cellnet.netty.internal.http.NettyHttpConnector;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@code http.Connector} (Go's {@code peer/http} connector).
 *
 * <pre>{@code
 * HttpConnector client = HttpPeers.connector().address("127.0.0.1:8080").build();
 * client.start().join();
 * HttpEchoACK ack = client.requestSync("POST", "/hello_post", new HttpEchoREQ("kitty"), HttpEchoACK.class);
 * }</pre>
 *
 * <p>Thread safety: not thread-safe; use from one thread. The built peer is thread-safe.
 */
public final class HttpConnectorBuilder extends PeerBuilder<HttpConnectorBuilder> {
    private String requestCodec = "httpjson";
    private String responseCodec = "httpjson";
    private int maxResponseBytes = 16 << 20;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxIdle = 8;
    private @Nullable SslContext sslContext;

    HttpConnectorBuilder() {
        super("http.Connector", "http", HttpAcceptorBuilder::parse);
    }

    /** The codec of request bodies by name (Go's {@code REQCodecName}): {@code httpjson} by default. */
    public HttpConnectorBuilder requestCodec(String codec) {
        Objects.requireNonNull(codec, "codec");
        Codecs.get(codec);
        this.requestCodec = codec;
        return this;
    }

    /** The codec of answers by name (Go's {@code ACKCodecName}): {@code httpjson} by default. */
    public HttpConnectorBuilder responseCodec(String codec) {
        Objects.requireNonNull(codec, "codec");
        Codecs.get(codec);
        this.responseCodec = codec;
        return this;
    }

    /** The largest answer body accepted. 16 MiB by default. */
    public HttpConnectorBuilder maxResponseBytes(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxResponseBytes < 0: " + bytes);
        }
        this.maxResponseBytes = bytes;
        return this;
    }

    /** How long a request may wait for its answer, connecting included. 30 s by default. */
    public HttpConnectorBuilder requestTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        this.requestTimeout = HttpAcceptorBuilder.positive(timeout, "requestTimeout");
        return this;
    }

    /** How many idle kept-alive connections are kept for reuse. 8 by default; 0 closes each after its answer. */
    public HttpConnectorBuilder maxIdleConnections(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxIdleConnections < 0: " + max);
        }
        this.maxIdle = max;
        return this;
    }

    /** Uses HTTPS with {@code context} (an {@code https://} address alone uses the JDK's trust store). */
    public HttpConnectorBuilder ssl(SslContext context) {
        this.sslContext = Objects.requireNonNull(context, "context");
        return this;
    }

    /** The connector, stopped. */
    public HttpConnector build() {
        return new NettyHttpConnector(new HttpConnectorConfig(settings(), requestCodec, responseCodec, maxResponseBytes,
                requestTimeout, maxIdle, sslContext));
    }
}
