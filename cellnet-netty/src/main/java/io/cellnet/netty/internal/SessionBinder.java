package io.cellnet.netty.internal;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

/**
 * How a peer turns a new channel into a session and lets go of it: the acceptor creates a session
 * per channel, the connector attaches its one session.
 *
 * <p>Thread safety: called on the channel's event loop.
 */
public interface SessionBinder {

    /**
     * Binds an active channel to a session, or returns {@code null} to refuse it (the peer is
     * stopping); a refused channel is closed without any event.
     */
    @Nullable Link bind(Channel channel);

    /** The link's channel has closed and its {@code SessionClosed} has been posted. */
    void unbind(Link link);
}
