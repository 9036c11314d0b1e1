package io.cellnet.netty.rpc;

import io.cellnet.ContextKey;
import io.cellnet.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The envelope calls of one session waiting for their answers, by call id. Call ids start at 1
 * for each session, as Go's first call id is 1.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class CallTable implements PendingCall.Owner {
    private static final ContextKey<CallTable> KEY = ContextKey.of("cellnet.rpc.calls", CallTable.class);

    private final AtomicLong lastId = new AtomicLong();
    private final ConcurrentHashMap<Long, PendingCall> calls = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** The table of {@code session}, created on first use. */
    static CallTable of(Session session) {
        return SessionState.get(session, KEY, CallTable::new);
    }

    /** The table of {@code session}, or {@code null} when it never made a call. */
    static @Nullable CallTable peek(Session session) {
        return session.getContext(KEY);
    }

    /** A new pending call, or {@code null} when {@code limit} calls are pending already. */
    @Nullable PendingCall open(Session session, Class<?> replyType, int limit) {
        int n;
        do {
            n = size.get();
            if (n >= limit) {
                return null;
            }
        } while (!size.compareAndSet(n, n + 1));
        PendingCall call = new PendingCall(this, session, lastId.incrementAndGet(), replyType);
        calls.put(call.id(), call);
        return call;
    }

    /** Removes and returns the call with {@code id}, or {@code null}. */
    @Nullable PendingCall take(long id) {
        PendingCall call = calls.remove(id);
        if (call != null) {
            size.decrementAndGet();
        }
        return call;
    }

    @Override
    public boolean remove(PendingCall call) {
        if (calls.remove(call.id(), call)) {
            size.decrementAndGet();
            return true;
        }
        return false;
    }

    /** Removes and returns every pending call. */
    List<PendingCall> takeAll() {
        List<PendingCall> taken = new ArrayList<>();
        for (Long id : calls.keySet()) {
            PendingCall call = take(id);
            if (call != null) {
                taken.add(call);
            }
        }
        return taken;
    }

    /** The number of pending calls. */
    int size() {
        return size.get();
    }
}
