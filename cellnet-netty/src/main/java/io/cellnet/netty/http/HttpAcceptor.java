package io.cellnet.netty.http;

import io.cellnet.GenericPeer;
import io.cellnet.PeerReadyChecker;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code http.Acceptor}: an HTTP/1.1 server whose requests are events. Each request is a
 * {@code RecvMsgEvent} on a session of its own that represents that exchange; the handler answers
 * with {@code event.reply(..)} (a message, or an {@link HttpRespond}), now or later from any
 * thread (its event queue, for example). Built by {@code HttpPeers.acceptor()} or by the type
 * name {@code http.Acceptor}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface HttpAcceptor extends GenericPeer, PeerReadyChecker {

    /** The bound port while running, else 0. */
    int port();

    /** {@code host:port} where clients reach the acceptor while it runs, else {@code null}. */
    @Nullable String boundAddress();
}
