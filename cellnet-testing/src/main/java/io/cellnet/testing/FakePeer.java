package io.cellnet.testing;

import io.cellnet.ContextSet;
import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import io.cellnet.Session;
import io.cellnet.SessionAccessor;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link GenericPeer} without a transport, for unit tests of code that takes a peer: it records
 * starts and stops and holds {@link FakeSession}s that {@link SessionAccessor} finds.
 *
 * <pre>{@code
 * FakePeer peer = new FakePeer("gate");
 * FakeSession alice = peer.newSession();          // id 1, open, found by peer.session(1)
 * broadcaster.broadcast(peer, new Notice("hi"));  // code under test visits the sessions
 * assertEquals(List.of(new Notice("hi")), alice.sent());
 * }</pre>
 *
 * <p>Behaviour: {@link #start()} and {@link #stop()} switch between {@link PeerState#RUNNING} and
 * {@link PeerState#STOPPED} at once and count the calls; the bundle has no transmitter that does
 * anything unless one is given to the constructor;
 * {@link #closeAllSessions()} closes each session. The class is not final, so Mockito can spy on it.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public class FakePeer implements GenericPeer, ContextSet.Forwarding, SessionAccessor {
    private final ContextSet context = ContextSet.create();
    private static final ProcessorBundle NO_BUNDLE = new ProcessorBundle(() -> "fake", EventHooker.identity(),
            EventCallback.NONE);

    private final String name;
    private final String address;
    private final EventQueue queue;
    private final Map<Long, FakeSession> sessions = new ConcurrentSkipListMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();
    private volatile PeerState state = PeerState.STOPPED;
    private final ProcessorBundle bundle;

    /** A peer named {@code "fake"} at address {@code "fake"} on {@link EventQueue#direct()}. */
    public FakePeer() {
        this("fake");
    }

    /** A peer named {@code name} at address {@code "fake"} on {@link EventQueue#direct()}. */
    public FakePeer(String name) {
        this(name, "fake", EventQueue.direct());
    }

    /** A peer with these properties. */
    public FakePeer(String name, String address, EventQueue queue) {
        this(name, address, queue, NO_BUNDLE);
    }

    /** A peer with these properties and {@code bundle} (as {@link #processorBundle()}). */
    public FakePeer(String name, String address, EventQueue queue, ProcessorBundle bundle) {
        this.name = Objects.requireNonNull(name, "name");
        this.address = Objects.requireNonNull(address, "address");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /**
     * Forgets what this peer recorded, for a fresh view: its sessions (which stay as they are, but
     * are no longer found), the start and stop counts, and the session ids, which start at 1 again.
     */
    public void reset() {
        sessions.clear();
        nextId.set(1);
        starts.set(0);
        stops.set(0);
    }

    /** A new open session of this peer with the next id (1, 2, ...). */
    public FakeSession newSession() {
        return addSession(new FakeSession(nextId.getAndIncrement(), this));
    }

    /** Adds {@code session} (found by its id while it is open) and returns it. */
    public FakeSession addSession(FakeSession session) {
        sessions.put(session.id(), Objects.requireNonNull(session, "session"));
        return session;
    }

    @Override
    public String typeName() {
        return "fake.Peer";
    }

    @Override
    public CompletableFuture<Void> start() {
        starts.incrementAndGet();
        state = PeerState.RUNNING;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stop() {
        stops.incrementAndGet();
        state = PeerState.STOPPED;
        return CompletableFuture.completedFuture(null);
    }

    /** The number of {@link #start()} calls. */
    public int startCount() {
        return starts.get();
    }

    /** The number of {@link #stop()} calls, including those made by {@link #close()}. */
    public int stopCount() {
        return stops.get();
    }

    @Override
    public PeerState state() {
        return state;
    }

    @Override
    public void close() {
        stop();
    }


    /** The bundle given to the constructor, or one whose parts do nothing. */
    @Override
    public ProcessorBundle processorBundle() {
        return bundle;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public EventQueue queue() {
        return queue;
    }

    @Override
    public @Nullable Session session(long id) {
        FakeSession s = sessions.get(id);
        return s != null && s.isOpen() ? s : null;
    }

    /** Visits the open sessions in id order. */
    @Override
    public void visitSessions(Predicate<Session> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        for (FakeSession s : sessions.values()) {
            if (s.isOpen() && !visitor.test(s)) {
                return;
            }
        }
    }

    @Override
    public int sessionCount() {
        return (int) sessions.values().stream().filter(FakeSession::isOpen).count();
    }

    @Override
    public void closeAllSessions() {
        sessions.values().forEach(FakeSession::close);
    }

    @Override
    public String toString() {
        return "FakePeer(" + name + ", " + state + ")";
    }

    /** The peer's context, behind its context methods. */
    @Override
    public final ContextSet context() {
        return context;
    }
}
