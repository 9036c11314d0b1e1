package io.cellnet.examples.chat;

import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionAccessor;
import io.cellnet.SessionClosed;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.examples.chat.ChatMessages.JoinACK;
import io.cellnet.examples.chat.ChatMessages.JoinREQ;
import io.cellnet.examples.chat.ChatMessages.Member;
import io.cellnet.examples.chat.ChatMessages.PresenceACK;
import io.cellnet.proc.MessageDispatcher;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's chat server logic: a {@code ChatREQ} from session N is broadcast as
 * {@code ChatACK{Content, Id: N}} to every session of every peer in the room, so TCP clients and
 * web clients chat together when both acceptors join one room (and one queue). A blank line is
 * ignored (Go's server broadcasts it). The server prints {@code sid<N> joined},
 * {@code sid<N> say: <text>} and {@code sid<N> left}.
 *
 * <p>Web pages ({@link #webHandlers}) also say who they are with {@code webchat.JoinREQ}, get their
 * own id and the members in {@code webchat.JoinACK}, and are told of every join and leave (TCP
 * clients appear as {@code sid<N>}) with {@code webchat.PresenceACK}; the server prints
 * {@code sid<N> is <name>}. TCP clients get only Go's {@code ChatACK}.
 *
 * <p>Thread safety: {@link #join} before the peers start; the handlers run on the peers' one queue
 * (the member table is touched there only); {@link #lines()} from any thread.
 */
public final class ChatRoom {
    /** The longest name, in code points. */
    static final int MAX_NAME = 24;

    private final List<SessionAccessor> peers = new CopyOnWriteArrayList<>();
    private final Map<Long, Joined> members = new LinkedHashMap<>();
    private final AtomicLong lines = new AtomicLong();
    private final PrintStream out;

    /** A member: its session, its name, and whether it is a web page (which gets presence news). */
    private record Joined(Session session, String name, boolean web) {
    }

    /** A room that prints its events to {@code out}. */
    public ChatRoom(PrintStream out) {
        this.out = out;
    }

    /** Adds a peer whose sessions receive the broadcasts. */
    public void join(SessionAccessor peer) {
        peers.add(peer);
    }

    /**
     * Adds the room's handlers for Go's chat clients to {@code dispatcher} (one per peer: each has
     * its own registry); each client is a member named {@code sid<N>} from its connect.
     */
    public MessageDispatcher handlers(MessageDispatcher dispatcher) {
        return common(dispatcher.on(SessionAccepted.class, (ev, m) -> {
            out.println("sid" + ev.session().id() + " joined");
            enter(new Joined(ev.session(), "sid" + ev.session().id(), false));
        }));
    }

    /**
     * Adds the room's handlers for web pages (json registry with the {@code webchat} messages): a
     * page is a member from its {@code JoinREQ} on.
     */
    public MessageDispatcher webHandlers(MessageDispatcher dispatcher) {
        return common(dispatcher
                .on(SessionAccepted.class, (ev, m) -> out.println("sid" + ev.session().id() + " joined"))
                .on(JoinREQ.class, (ev, m) -> {
                    long id = ev.session().id();
                    if (members.containsKey(id)) {
                        return;
                    }
                    String name = cleanName(m.Name(), id);
                    out.println("sid" + id + " is " + name);
                    List<Member> others = members.entrySet().stream()
                            .map(e -> new Member(e.getKey(), e.getValue().name())).toList();
                    ev.session().send(new JoinACK(id, name, others));
                    enter(new Joined(ev.session(), name, true));
                }));
    }

    private MessageDispatcher common(MessageDispatcher dispatcher) {
        return dispatcher
                .on(SessionClosed.class, (ev, m) -> {
                    out.println("sid" + ev.session().id() + " left");
                    Joined gone = members.remove(ev.session().id());
                    if (gone != null) {
                        tellPages(new PresenceACK(ev.session().id(), gone.name(), false));
                    }
                })
                .on(ChatREQ.class, (ev, m) -> {
                    if (m.Content() != null && !m.Content().isBlank()) {
                        broadcast(new ChatACK(m.Content(), ev.session().id()));
                    }
                });
    }

    private void enter(Joined member) {
        tellPages(new PresenceACK(member.session().id(), member.name(), true));
        members.put(member.session().id(), member);
    }

    private void tellPages(PresenceACK news) {
        members.values().stream().filter(Joined::web).forEach(j -> j.session().send(news));
    }

    /**
     * {@code name} without control and format characters, trimmed, at most {@link #MAX_NAME} code
     * points; {@code sid<N>} when nothing is left.
     */
    static String cleanName(String name, long id) {
        String clean = (name == null ? "" : name).codePoints()
                .filter(c -> Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT)
                .limit(MAX_NAME * 4L)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME)).strip();
        }
        return clean.isEmpty() ? "sid" + id : clean;
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
