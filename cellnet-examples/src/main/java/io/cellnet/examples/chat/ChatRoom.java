package io.cellnet.examples.chat;

import io.cellnet.SessionAccepted;
import io.cellnet.SessionAccessor;
import io.cellnet.SessionClosed;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.proc.MessageDispatcher;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's chat server logic: a {@code ChatREQ} from session N is broadcast as
 * {@code ChatACK{Content, Id: N}} to every session of every peer in the room, so TCP clients and
 * web clients chat together when both acceptors join one room (and one queue). The server prints
 * {@code sid<N> joined}, {@code sid<N> say: <text>} and {@code sid<N> left}.
 *
 * <p>Thread safety: {@link #join} before the peers start; the handlers run on the peers' one queue.
 */
public final class ChatRoom {
    private final List<SessionAccessor> peers = new CopyOnWriteArrayList<>();
    private final AtomicLong lines = new AtomicLong();
    private final PrintStream out;

    /** A room that prints its events to {@code out}. */
    public ChatRoom(PrintStream out) {
        this.out = out;
    }

    /** Adds a peer whose sessions receive the broadcasts. */
    public void join(SessionAccessor peer) {
        peers.add(peer);
    }

    /** Adds the room's handlers to {@code dispatcher} (one per peer: each has its own registry). */
    public MessageDispatcher handlers(MessageDispatcher dispatcher) {
        return dispatcher
                .on(SessionAccepted.class, (ev, m) -> out.println("sid" + ev.session().id() + " joined"))
                .on(SessionClosed.class, (ev, m) -> out.println("sid" + ev.session().id() + " left"))
                .on(ChatREQ.class, (ev, m) -> broadcast(new ChatACK(m.Content(), ev.session().id())));
    }

    /** Sends {@code ack} to every session of every peer of the room. */
    public void broadcast(ChatACK ack) {
        out.println(ChatMessages.line(ack));
        lines.incrementAndGet();
        for (SessionAccessor p : peers) {
            p.visitSessions(s -> {
                s.send(ack);
                return true;
            });
        }
    }

    /** The number of lines broadcast so far. */
    public long lines() {
        return lines.get();
    }
}
