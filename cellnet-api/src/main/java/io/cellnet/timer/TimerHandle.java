package io.cellnet.timer;

import java.util.Objects;
import java.util.concurrent.Future;

/**
 * A scheduled task that can be cancelled.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface TimerHandle {

    /**
     * Cancels the task unless it has already started.
     *
     * @return {@code true} when this call prevented it from running
     */
    boolean cancel();

    /** {@code true} once the task has run or was cancelled. */
    boolean isDone();

    /** A handle over {@code future}: cancelling does not interrupt a task that has started. */
    static TimerHandle of(Future<?> future) {
        Objects.requireNonNull(future, "future");
        return new TimerHandle() {
            @Override
            public boolean cancel() {
                return future.cancel(false);
            }

            @Override
            public boolean isDone() {
                return future.isDone();
            }
        };
    }
}
