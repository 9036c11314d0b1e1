package io.cellnet.testing;

import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.PeerCore;

/**
 * The session of one embedded connection: the real outbound path (hookers, then the link's
 * encoder and flush task) over an {@code EmbeddedChannel}.
 *
 * <p>Thread safety: as {@link NettySession}; the embedded channel itself is single-threaded.
 */
final class EmbeddedSession extends NettySession {

    EmbeddedSession(PeerCore core) {
        super(core);
    }

    void open(Link link, long id) {
        attach(link, id);
    }
}
