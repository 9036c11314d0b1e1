package io.cellnet.timer;

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
}
