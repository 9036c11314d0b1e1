package io.cellnet.netty.rpc;

import io.cellnet.PeerNames;
import io.cellnet.Session;
import io.cellnet.rpc.RpcException;
import io.cellnet.timer.Scheduler;
import io.cellnet.timer.TimerHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One call waiting for its answer: its future, its timeout timer and the table that holds it.
 * Whichever comes first (the answer, the timeout, the session's close, the caller cancelling the
 * future) removes it from its table; the others then find nothing to do.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class PendingCall {

    /** The table that holds a call. */
    interface Owner {
        /** Removes {@code call}; {@code true} when this call removed it. */
        boolean remove(PendingCall call);
    }

    private final Owner owner;
    private final Session session;
    private final long id;
    private final Class<?> replyType;
    private final CompletableFuture<Object> future = new CompletableFuture<>();
    private volatile @Nullable TimerHandle timer;

    PendingCall(Owner owner, Session session, long id, Class<?> replyType) {
        this.owner = owner;
        this.session = session;
        this.id = id;
        this.replyType = replyType;
        future.whenComplete((r, e) -> cleanUp());
    }

    long id() {
        return id;
    }

    Class<?> replyType() {
        return replyType;
    }

    CompletableFuture<Object> future() {
        return future;
    }

    /** Starts the timeout; after {@code timeout} the call fails with a {@link TimeoutException}. */
    void arm(Scheduler scheduler, Duration timeout) {
        TimerHandle t = scheduler.schedule(() -> expire(timeout), timeout);
        timer = t;
        if (future.isDone()) {
            t.cancel();
        }
    }

    /** Completes the call with {@code reply}, or fails it when the reply is of another class. */
    void answer(Object reply) {
        if (replyType.isInstance(reply)) {
            future.complete(reply);
        } else {
            fail(new RpcException(RpcException.Reason.BAD_REPLY, this + " expected a " + replyType.getName()
                    + " but the answer is a " + reply.getClass().getName()));
        }
    }

    void fail(Throwable cause) {
        future.completeExceptionally(cause);
    }

    /** Fails the call with a timeout now, unless it has completed; used by blocking waits. */
    void expire(Duration timeout) {
        if (owner.remove(this)) {
            fail(new TimeoutException(this + " timed out after " + timeout.toMillis() + " ms"));
        }
    }

    private void cleanUp() {
        owner.remove(this);
        TimerHandle t = timer;
        if (t != null) {
            t.cancel();
        }
    }

    /** How logs and failures name the peer of {@code session}. */
    static String peerName(Session session) {
        return PeerNames.of(session.peer());
    }

    @Override
    public String toString() {
        String kind = owner instanceof TypedCalls ? "typed rpc call " : "rpc call ";
        return kind + id + " on session " + session.id() + " of peer '" + PendingCall.peerName(session) + "'";
    }
}
