package io.cellnet.netty.internal;

import io.cellnet.ContextSet;
import io.cellnet.EventHooker;
import io.cellnet.MessageRegistry;
import io.cellnet.MessageRegistryAware;
import io.cellnet.Peer;
import io.cellnet.SendMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.observe.PeerObserver;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link Session} of cellnet-netty's peers: the outbound hookers run on the sending thread,
 * then its {@link SessionTransport} encodes and queues the message. What differs between an
 * accepted connection, a connector and a UDP remote is the transport, never the session.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class NettySession implements Session, ContextSet.Forwarding, MessageRegistryAware {
    private final ContextSet context = ContextSet.create();
    private final PeerCore core;
    private final SessionTransport transport;
    private volatile long id;

    /** A session of the peer behind {@code core}, carried by {@code transport}, numbered {@code id}. */
    public NettySession(PeerCore core, SessionTransport transport, long id) {
        this.core = core;
        this.transport = transport;
        this.id = id;
    }

    /**
     * Gives the session the id of a new connection (a connector's reconnect, a UDP peer's restart),
     * before that connection's first event, so that what it logs meanwhile names it.
     */
    public void renumber(long newId) {
        this.id = newId;
    }

    /** What carries the session's messages. */
    public SessionTransport transport() {
        return transport;
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
        Objects.requireNonNull(message, "message");
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
        SendResult r = transport.send(m);
        PeerObserver o = core.observer();
        if (o != PeerObserver.NONE) {
            if (r == SendResult.QUEUED) {
                o.messageSent(m.getClass());
            } else {
                o.sendRefused(r);
            }
        }
        return r;
    }

    @Override
    public void close() {
        transport.close(true);
    }

    @Override
    public void closeNow() {
        transport.close(false);
    }

    @Override
    public boolean isOpen() {
        return transport.isOpen();
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    /** The session itself, or its current channel ({@code as(Channel.class)}), or {@code null}. */
    @Override
    public <T> @Nullable T as(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        Channel ch = transport.channel();
        return ch != null && type.isInstance(ch) ? type.cast(ch) : null;
    }

    @Override
    public String toString() {
        return "Session(" + id + "@" + core.name() + ")";
    }

    /** The session's context. */
    @Override
    public ContextSet context() {
        return context;
    }
}
