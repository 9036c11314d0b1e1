package io.cellnet.netty;

import io.cellnet.ContextKey;
import io.cellnet.Session;
import io.cellnet.netty.http.HttpRequestInfo;
import org.jspecify.annotations.Nullable;

/**
 * Entry point for the HTTP peers (Go's {@code peer/http}), on Netty's HTTP/1.1 codec:
 *
 * <ul>
 *   <li>{@link #acceptor()}: {@code http.Acceptor}, each request an event on a session of its
 *       own, answered with {@code ev.reply(..)} now or later;</li>
 *   <li>{@link #connector()}: {@code http.Connector}, {@code request(method, path, message, type)}
 *       with the answer decoded.</li>
 * </ul>
 * Both are also made by type name ({@code Peers.newGenericPeer("http.Acceptor", ..)}) with the
 * {@code http} processor. See docs/http.md.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class HttpPeers {
    /** Where an exchange session keeps its request ({@link HttpRequestInfo#CONTEXT_KEY}). */
    public static final ContextKey<HttpRequestInfo> REQUEST = HttpRequestInfo.CONTEXT_KEY;

    private HttpPeers() {
    }

    /** A builder for an {@code http.Acceptor}. */
    public static HttpAcceptorBuilder acceptor() {
        return new HttpAcceptorBuilder();
    }

    /** A builder for an {@code http.Connector}. */
    public static HttpConnectorBuilder connector() {
        return new HttpConnectorBuilder();
    }

    /** The request of an acceptor's exchange session (Go's {@code RequestMatcher}), or {@code null}. */
    public static @Nullable HttpRequestInfo request(Session session) {
        return session.getContext(REQUEST);
    }
}
