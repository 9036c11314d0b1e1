package io.cellnet.netty.internal;

import io.cellnet.PeerState;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The start/stop state machine of a peer, held as a field. Transitions happen under a lock; the
 * peer's start and stop actions run outside it and report through futures.
 *
 * <ul>
 *   <li>start while STOPPED runs the start action; while STARTING or RUNNING returns that start's
 *       future; while STOPPING starts again once the stop has completed.</li>
 *   <li>stop while STOPPED completes at once; while STARTING stops once the start has finished;
 *       while RUNNING runs the stop action; while STOPPING returns that stop's future.</li>
 *   <li>a failed start leaves the peer STOPPED; a stop always ends STOPPED.</li>
 * </ul>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Lifecycle {
    private PeerState state = PeerState.STOPPED;
    private @Nullable CompletableFuture<Void> startFuture;
    private @Nullable CompletableFuture<Void> stopFuture;

    /** The current state. */
    public synchronized PeerState state() {
        return state;
    }

    /** Starts with {@code action} unless started; see the class documentation. */
    public CompletableFuture<Void> start(Supplier<CompletableFuture<Void>> action) {
        CompletableFuture<Void> result;
        synchronized (this) {
            switch (state) {
                case STARTING, RUNNING -> {
                    return copy(startFuture);
                }
                case STOPPING -> {
                    return copy(stopFuture).handle((v, e) -> null).thenCompose(v -> start(action));
                }
                default -> {
                    state = PeerState.STARTING;
                    result = new CompletableFuture<>();
                    startFuture = result;
                }
            }
        }
        return transition(action, result, PeerState.RUNNING);
    }

    /** Stops with {@code action} unless stopped; see the class documentation. */
    public CompletableFuture<Void> stop(Supplier<CompletableFuture<Void>> action) {
        CompletableFuture<Void> result;
        synchronized (this) {
            switch (state) {
                case STOPPED -> {
                    return CompletableFuture.completedFuture(null);
                }
                case STOPPING -> {
                    return copy(stopFuture);
                }
                case STARTING -> {
                    return copy(startFuture).handle((v, e) -> null).thenCompose(v -> stop(action));
                }
                default -> {
                    state = PeerState.STOPPING;
                    result = new CompletableFuture<>();
                    stopFuture = result;
                }
            }
        }
        return transition(action, result, PeerState.STOPPED);
    }

    /** Runs {@code action} outside the lock; its outcome sets the state and completes {@code result}. */
    private CompletableFuture<Void> transition(Supplier<CompletableFuture<Void>> action, CompletableFuture<Void> result,
            PeerState onSuccess) {
        CompletableFuture<Void> done;
        try {
            done = action.get();
        } catch (Throwable t) {
            done = CompletableFuture.failedFuture(t);
        }
        done.whenComplete((v, e) -> {
            synchronized (this) {
                state = e == null ? onSuccess : PeerState.STOPPED;
            }
            if (e == null) {
                result.complete(null);
            } else {
                result.completeExceptionally(e);
            }
        });
        return result.copy();
    }

    private static CompletableFuture<Void> copy(@Nullable CompletableFuture<Void> f) {
        return f == null ? CompletableFuture.completedFuture(null) : f.copy();
    }
}
