package io.cellnet.netty.internal;

import io.cellnet.EventHooker;
import io.cellnet.MessageRegistry;
import io.cellnet.MessageRegistryAware;
import io.cellnet.Peer;
import io.cellnet.SendMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.ContextSet;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Session} of cellnet-netty's peers: the outbound hookers run on the sending thread,
 * then the current {@link Link} encodes and queues the message. An acceptor's session has one link
 * for its life; a connector's session gets a new link (and id) per connection.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public class NettySession implements Session, MessageRegistryAware {
    private final ContextSet context = ContextSet.create();
    /** The peer's shared state. */
    protected final PeerCore core;
    private volatile long id;
    private volatile @Nullable Link link;

    /** A session of the peer behind {@code core}, without a connection yet. */
    public NettySession(PeerCore core) {
        this.core = core;
    }

    /** Connects this session to {@code newLink} under {@code newId}; called on the link's event loop. */
    protected void attach(Link newLink, long newId) {
        renumber(newId);
        this.link = newLink;
    }

    /** Takes the id of a connection about to be attached, so that what it logs meanwhile names it. */
    protected final void renumber(long newId) {
        this.id = newId;
    }

    /** Forgets {@code oldLink} if it is the current one. */
    protected void detach(Link oldLink) {
        if (link == oldLink) {
            link = null;
        }
    }

    /** The current link, or {@code null}. */
    public @Nullable Link link() {
        return link;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Peer peer() {
        return core.peer();
    }

    /** The message registry of the peer (RPC and relay encode inner messages with it). */
    @Override
    public MessageRegistry registry() {
        return core.registry();
    }

    @Override
    public SendResult send(Object message) {
        Object m = message;
        EventHooker hooker = core.bundle().hooker();
        if (hooker.interceptsOutbound()) {
            SendMsgEvent ev;
            try {
                ev = hooker.onOutboundEvent(new SendMsgEvent(this, message));
            } catch (RuntimeException e) {
                core.sendFailureLog().warn("outbound hooker failed on session {} of peer '{}' sending {}: {}", id,
                        core.name(), message.getClass().getName(), e.toString());
                return SendResult.ENCODE_FAILED;
            }
            if (ev == null) {
                return SendResult.QUEUED;
            }
            m = ev.message();
        }
        return sendHooked(m);
    }

    /** Sends a message that has passed the outbound hookers. */
    protected SendResult sendHooked(Object message) {
        Link l = link;
        return l == null ? SendResult.CLOSED : l.send(message);
    }

    @Override
    public void close() {
        Link l = link;
        if (l != null) {
            l.close(true);
        }
    }

    @Override
    public void closeNow() {
        Link l = link;
        if (l != null) {
            l.close(false);
        }
    }

    @Override
    public boolean isOpen() {
        Link l = link;
        return l != null && l.isOpen();
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        Link l = link;
        return l == null ? null : l.channel().remoteAddress();
    }

    @Override
    public <T> @Nullable T as(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        Link l = link;
        if (l != null && type.isInstance(l.channel())) {
            return type.cast(l.channel());
        }
        return null;
    }

    /** The current channel, or {@code null}. */
    public @Nullable Channel channel() {
        Link l = link;
        return l == null ? null : l.channel();
    }

    @Override
    public String toString() {
        return "Session(" + id + "@" + core.name() + ")";
    }

    @Override
    public final void setContext(Object key, @Nullable Object value) {
        context.setContext(key, value);
    }

    @Override
    public final @Nullable Object getContext(Object key) {
        return context.getContext(key);
    }

    @Override
    public final boolean containsContext(Object key) {
        return context.containsContext(key);
    }

    @Override
    public final @Nullable Object removeContext(Object key) {
        return context.removeContext(key);
    }
}
