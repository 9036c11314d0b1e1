package io.cellnet.testing;

import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.SystemMessage;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.internal.SessionBinder;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Binds each channel of an {@link EmbeddedPeer} to a new session with the next id, and announces
 * it as an acceptor's ({@code SessionAccepted}) or a connector's ({@code SessionConnected}).
 *
 * <p>Thread safety: called on the embedded channel's (the test's) thread.
 */
final class EmbeddedBinder implements SessionBinder {
    private final PeerCore core;
    private final boolean client;
    private final AtomicLong ids;
    private final Consumer<Session> onBind;

    EmbeddedBinder(PeerCore core, boolean client, long idBase, Consumer<Session> onBind) {
        this.core = core;
        this.client = client;
        this.ids = new AtomicLong(idBase);
        this.onBind = onBind;
    }

    @Override
    public PeerCore core() {
        return core;
    }

    @Override
    public Link bind(Channel ch) {
        Link link = Link.accept(ch, core, ids.getAndIncrement());
        onBind.accept(link.session());
        return link;
    }

    @Override
    public SystemMessage activeMessage() {
        return client ? SessionConnected.INSTANCE : SessionAccepted.INSTANCE;
    }

    @Override
    public void unbind(Link link) {
        // the session keeps its closed link; the next start makes a new session
    }
}
