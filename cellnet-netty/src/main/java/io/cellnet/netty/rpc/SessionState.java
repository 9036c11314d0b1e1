package io.cellnet.netty.rpc;

import io.cellnet.ContextKey;
import io.cellnet.Session;
import java.util.function.Supplier;

/**
 * Per-session RPC state kept in the session's context: created on first use, one object per
 * session for the session's life (a connector's session keeps it across reconnects).
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class SessionState {
    private static final Object CREATE_LOCK = new Object();

    private SessionState() {
    }

    /** The value under {@code key} in {@code session}'s context, created by {@code factory} when absent. */
    static <T> T get(Session session, ContextKey<T> key, Supplier<T> factory) {
        T value = session.getContext(key);
        if (value != null) {
            return value;
        }
        synchronized (CREATE_LOCK) {
            value = session.getContext(key);
            if (value == null) {
                value = factory.get();
                session.setContext(key, value);
            }
            return value;
        }
    }
}
