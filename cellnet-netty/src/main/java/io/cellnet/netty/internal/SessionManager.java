package io.cellnet.netty.internal;

import io.cellnet.Session;
import io.cellnet.SessionAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The open sessions of an acceptor, by id (Go's {@code CoreSessionManager}); ids come from a
 * counter that starts at the configured base (1 by default).
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class SessionManager implements SessionAccessor {
    private final ConcurrentHashMap<Long, Link> links = new ConcurrentHashMap<>();
    private final AtomicLong nextId;

    /** A manager whose first id is {@code idBase}. */
    public SessionManager(long idBase) {
        this.nextId = new AtomicLong(idBase);
    }

    /** The next session id. */
    public long nextId() {
        return nextId.getAndIncrement();
    }

    /** Adds an open link. */
    public void add(Link link) {
        links.put(link.session().id(), link);
    }

    /** Removes a closed link. */
    public void remove(Link link) {
        links.remove(link.session().id(), link);
    }

    /** A snapshot of the open links. */
    public List<Link> links() {
        return new ArrayList<>(links.values());
    }

    @Override
    public @Nullable Session session(long id) {
        Link l = links.get(id);
        return l == null ? null : l.session();
    }

    @Override
    public void visitSessions(Predicate<Session> visitor) {
        for (Link l : links.values()) {
            if (!visitor.test(l.session())) {
                return;
            }
        }
    }

    @Override
    public int sessionCount() {
        return links.size();
    }

    @Override
    public void closeAllSessions() {
        links.values().forEach(l -> l.close(true));
    }

    /** Closes every session gracefully; completes when each one's {@code SessionClosed} is posted. */
    public CompletableFuture<Void> closeAllAndWait() {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Link l : links.values()) {
            l.close(true);
            waits.add(l.closedPosted());
        }
        return CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]));
    }
}
