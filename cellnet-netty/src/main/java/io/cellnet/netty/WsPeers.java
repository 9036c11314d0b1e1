package io.cellnet.netty;

import io.cellnet.ContextKey;
import io.cellnet.Session;
import io.cellnet.netty.internal.ws.WsKind;
import io.cellnet.netty.ws.WsOptions;
import io.cellnet.netty.ws.WsRequest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Entry point for the WebSocket peers. They are the TCP acceptor and connector with the
 * {@code ws.ltv} processor and WebSocket addresses, so every TCP setting applies (TLS with
 * {@code ssl(..)}, reconnect, idle timeouts, {@code maxPacketSize}, graceful close, limits); the
 * WebSocket settings come in a {@link WsOptions}.
 *
 * <pre>{@code
 * TcpAcceptor server = WsPeers.acceptor().address("0.0.0.0:8080/ws").queue(queue).callback(handler).build();
 * TcpConnector client = WsPeers.connector().address("ws://127.0.0.1:8080/ws").callback(events).build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #acceptor()}: {@code ws.Acceptor} (alias {@code gorillaws.Acceptor}) on
 *       {@code host:port/path}, path {@code /} by default (which accepts every path);</li>
 *   <li>{@link #connector()}: {@code ws.Connector} (alias {@code gorillaws.Connector}) for
 *       {@code ws://host:port/path}, {@code wss://host:port/path} or Go's {@code host:port/path}.</li>
 * </ul>
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class WsPeers {
    /** Where an acceptor's session keeps its upgrade request. */
    public static final ContextKey<WsRequest> REQUEST = WsRequest.CONTEXT_KEY;
    /** Go's session context key for the upgrade request; holds the same {@link WsRequest}. */
    public static final String GO_REQUEST_KEY = WsRequest.GO_CONTEXT_KEY;

    private WsPeers() {
    }

    /** A builder for a {@code ws.Acceptor} with the default {@link WsOptions}. */
    public static TcpAcceptorBuilder acceptor() {
        return acceptor(WsOptions.DEFAULT);
    }

    /** A builder for a {@code ws.Acceptor} with {@code options}. */
    public static TcpAcceptorBuilder acceptor(WsOptions options) {
        return TcpAcceptorBuilder.of("ws.Acceptor", "ws.ltv", new WsKind(Objects.requireNonNull(options, "options")));
    }

    /** A builder for a {@code ws.Connector} with the default {@link WsOptions}. */
    public static TcpConnectorBuilder connector() {
        return connector(WsOptions.DEFAULT);
    }

    /** A builder for a {@code ws.Connector} with {@code options}. */
    public static TcpConnectorBuilder connector(WsOptions options) {
        return TcpConnectorBuilder.of("ws.Connector", "ws.ltv", new WsKind(Objects.requireNonNull(options, "options")),
                false);
    }

    /** The upgrade request of an acceptor's session, or {@code null} (a connector's session). */
    public static @Nullable WsRequest request(Session session) {
        return session.getContext(REQUEST);
    }
}
