package io.cellnet.netty.rpc;

import io.cellnet.ContextKey;
import io.cellnet.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The typed calls of one session waiting for a reply, by reply class, oldest first: replies on one
 * session arrive in the order the requests were answered, so the oldest call expecting a class
 * gets the next message of that class.
 *
 * <p>Thread safety: every method may be called from any thread (one lock per session).
 */
final class TypedCalls implements PendingCall.Owner {
    private static final ContextKey<TypedCalls> KEY = ContextKey.of("cellnet.rpc.typed", TypedCalls.class);

    private final Map<Class<?>, ArrayDeque<PendingCall>> byType = new HashMap<>();
    private int size;
    private long lastId;

    /** The table of {@code session}, created on first use. */
    static TypedCalls of(Session session) {
        return SessionState.get(session, KEY, TypedCalls::new);
    }

    /** The table of {@code session}, or {@code null} when it never made a typed call. */
    static @Nullable TypedCalls peek(Session session) {
        return session.getContext(KEY);
    }

    /** A new call waiting for a {@code replyType}, or {@code null} when {@code limit} are waiting. */
    synchronized @Nullable PendingCall open(Session session, Class<?> replyType, int limit) {
        if (size >= limit) {
            return null;
        }
        PendingCall call = new PendingCall(this, session, ++lastId, replyType);
        byType.computeIfAbsent(replyType, t -> new ArrayDeque<>()).add(call);
        size++;
        return call;
    }

    /** Removes and returns the oldest call waiting for exactly {@code type}, or {@code null}. */
    synchronized @Nullable PendingCall take(Class<?> type) {
        ArrayDeque<PendingCall> queue = byType.get(type);
        if (queue == null) {
            return null;
        }
        PendingCall call = queue.poll();
        if (queue.isEmpty()) {
            byType.remove(type);
        }
        size--;
        return call;
    }

    @Override
    public synchronized boolean remove(PendingCall call) {
        ArrayDeque<PendingCall> queue = byType.get(call.replyType());
        if (queue == null || !queue.remove(call)) {
            return false;
        }
        if (queue.isEmpty()) {
            byType.remove(call.replyType());
        }
        size--;
        return true;
    }

    /** Removes and returns every waiting call. */
    synchronized List<PendingCall> takeAll() {
        List<PendingCall> taken = new ArrayList<>();
        byType.values().forEach(taken::addAll);
        byType.clear();
        size = 0;
        return taken;
    }

    /** The number of waiting calls. */
    synchronized int size() {
        return size;
    }
}
