package io.cellnet.rpc;

import io.cellnet.ContextKey;
import io.cellnet.ContextSet;
import io.cellnet.Session;
import io.cellnet.timer.Scheduler;
import java.util.Objects;

/**
 * Limits and timers of RPC calls, set per peer or per session with {@link Rpc#configure}; calls on
 * a session use the session's options, else its peer's, else {@link #DEFAULT}.
 *
 * <p>Thread safety: immutable.
 *
 * @param maxPendingCalls how many calls one session may have waiting for an answer (envelope and
 *                        typed calls are counted apart); a call over it fails at once with
 *                        {@link RpcException.Reason#TOO_MANY_PENDING}
 * @param scheduler       the clock that times calls out ({@link Scheduler#system()} by default)
 */
public record RpcOptions(int maxPendingCalls, Scheduler scheduler) {
    /** The default {@link #maxPendingCalls()}. */
    public static final int DEFAULT_MAX_PENDING_CALLS = 4096;
    /** {@link #DEFAULT_MAX_PENDING_CALLS} calls per session, timed by {@link Scheduler#system()}. */
    public static final RpcOptions DEFAULT = new RpcOptions(DEFAULT_MAX_PENDING_CALLS, Scheduler.system());

    static final ContextKey<RpcOptions> KEY = ContextKey.of("cellnet.rpc.options", RpcOptions.class);

    /** Checks the arguments. */
    public RpcOptions {
        if (maxPendingCalls <= 0) {
            throw new IllegalArgumentException("maxPendingCalls must be > 0: " + maxPendingCalls);
        }
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** These options with another {@link #maxPendingCalls()}. */
    public RpcOptions withMaxPendingCalls(int max) {
        return new RpcOptions(max, scheduler);
    }

    /** These options with another {@link #scheduler()}. */
    public RpcOptions withScheduler(Scheduler newScheduler) {
        Objects.requireNonNull(newScheduler, "newScheduler");
        return new RpcOptions(maxPendingCalls, newScheduler);
    }

    /** The options that apply to calls on {@code session}: its own, else its peer's, else {@link #DEFAULT}. */
    public static RpcOptions of(Session session) {
        RpcOptions o = Objects.requireNonNull(session, "session").getContext(KEY);
        if (o == null && session.peer() instanceof ContextSet peer) {
            o = peer.getContext(KEY);
        }
        return o != null ? o : DEFAULT;
    }
}
