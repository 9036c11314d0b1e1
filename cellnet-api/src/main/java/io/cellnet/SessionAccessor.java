package io.cellnet;

import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The sessions of a peer (Go's {@code cellnet.SessionAccessor}).
 *
 * <p>Thread safety: every method may be called from any thread; {@link #visitSessions} sees a
 * weakly consistent view (sessions added or removed during the visit may or may not be seen).
 */
public interface SessionAccessor {

    /** The open session with this id, or {@code null}. */
    @Nullable Session session(long id);

    /** Calls {@code visitor} for each open session until it returns {@code false}. */
    void visitSessions(Predicate<Session> visitor);

    /** The number of open sessions. */
    int sessionCount();

    /** Closes every session gracefully (see {@link Session#close()}). */
    void closeAllSessions();
}
