package io.cellnet.testing;

import io.cellnet.Session;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.internal.SessionBinder;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Binds each channel of an {@link EmbeddedPeer} to a new session with the next id (announced as an
 * acceptor's or a connector's by the peer's {@code ChannelSetup}).
 *
 * <p>Thread safety: called on the embedded channel's (the test's) thread.
 */
final class EmbeddedBinder implements SessionBinder {
    private final PeerCore core;
    private final AtomicLong ids;
    private final Consumer<Session> onBind;

    EmbeddedBinder(PeerCore core, long idBase, Consumer<Session> onBind) {
        this.core = core;
        this.ids = new AtomicLong(idBase);
        this.onBind = onBind;
    }

    @Override
    public Link bind(Channel ch) {
        Link link = Link.accept(ch, core, ids.getAndIncrement());
        onBind.accept(link.session());
        return link;
    }

    @Override
    public void unbind(Link link) {
        // the session keeps its closed link; the next start makes a new session
    }
}
