package io.cellnet.netty.ws;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The WebSocket settings of a {@code ws.Acceptor} or {@code ws.Connector}, on top of the TCP ones
 * of their builders (TLS, idle timeouts, {@code maxPacketSize}, reconnect, limits).
 *
 * <pre>{@code
 * WsOptions opts = WsOptions.builder()
 *     .originCheck(WsOriginCheck.allowOrigins("https://game.example"))
 *     .trustForwardedFor(true)
 *     .build();
 * TcpAcceptor server = WsPeers.acceptor(opts).address("0.0.0.0:8080/ws").callback(handler).build();
 * }</pre>
 *
 * <p>Thread safety: immutable; the builder is not thread-safe.
 */
public final class WsOptions {
    /** The default {@link Builder#maxMessageSize(int)}: 64 KiB, Netty's default frame limit. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 65536;
    /** The default {@link Builder#handshakeTimeout(Duration)}: 45 s, Go's dialer default. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(45);
    /** Every default. */
    public static final WsOptions DEFAULT = builder().build();

    private final int maxMessageSize;
    private final Duration handshakeTimeout;
    private final WsOriginCheck originCheck;
    private final boolean trustForwardedFor;
    private final Map<String, String> headers;

    private WsOptions(Builder b) {
        this.maxMessageSize = b.maxMessageSize;
        this.handshakeTimeout = b.handshakeTimeout;
        this.originCheck = b.originCheck;
        this.trustForwardedFor = b.trustForwardedFor;
        this.headers = Map.copyOf(b.headers);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxMessageSize = maxMessageSize;
        b.handshakeTimeout = handshakeTimeout;
        b.originCheck = originCheck;
        b.trustForwardedFor = trustForwardedFor;
        b.headers.putAll(headers);
        return b;
    }

    /** The largest message (msgid plus body) accepted when {@code maxPacketSize} is not set. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** How long the upgrade may take. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** The acceptor's check of upgrade requests. */
    public WsOriginCheck originCheck() {
        return originCheck;
    }

    /** Whether the acceptor takes the client address from {@code X-Forwarded-For}. */
    public boolean trustForwardedFor() {
        return trustForwardedFor;
    }

    /** The connector's extra upgrade request headers. */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Builds {@link WsOptions}.
     *
     * <p>Thread safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private WsOriginCheck originCheck = WsOriginCheck.allowAll();
        private boolean trustForwardedFor;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The largest message, msgid plus body, accepted from the other side; a longer one closes
         * the session (close code 1009). Applies when the peer's {@code maxPacketSize} is 0; a
         * {@code maxPacketSize} {@code n > 0} accepts up to {@code n - 1} bytes, as on TCP. Go sets
         * no limit.
         */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 2) {
                throw new IllegalArgumentException("maxMessageSize must be >= 2: " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * How long the upgrade may take: on an acceptor, from the connection (or TLS handshake) to
         * the upgrade response; on a connector, from the request to the response. A connection
         * that exceeds it is closed (a failed connect attempt on a connector).
         */
        public Builder handshakeTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("handshake timeout must be positive: " + timeout);
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        /** The acceptor's check of upgrade requests; {@link WsOriginCheck#allowAll()} by default. */
        public Builder originCheck(WsOriginCheck check) {
            this.originCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * Whether the acceptor takes each session's client address from the first entry of the
         * {@code X-Forwarded-For} header ({@link WsRequest#clientAddress()}). Enable it only when
         * every connection comes through proxies that set that header, since clients can send
         * anything in it. Off by default.
         */
        public Builder trustForwardedFor(boolean trust) {
            this.trustForwardedFor = trust;
            return this;
        }

        /** Adds a header to the connector's upgrade request (for example {@code Origin} or a token). */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The options. */
        public WsOptions build() {
            return new WsOptions(this);
        }
    }
}
