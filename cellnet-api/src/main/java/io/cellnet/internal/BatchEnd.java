package io.cellnet.internal;

import java.util.ArrayList;

/**
 * Lets code running inside a {@link DefaultEventQueue} batch put work off until the batch ends —
 * cellnet-netty uses it to schedule one flush per connection per batch instead of one per message
 * when a game loop answers many messages in a row.
 *
 * <p>Thread safety: {@link #defer} may be called from any thread; it only defers on a queue's own
 * thread.
 */
public final class BatchEnd {
    /** Deferred work runs at least this often within a long batch, so early replies are not held back. */
    static final int MAX_TASKS_BETWEEN_RUNS = 256;

    private BatchEnd() {
    }

    /**
     * Runs {@code task} on this thread once the current batch of tasks ends (or after at most
     * {@value #MAX_TASKS_BETWEEN_RUNS} more tasks), when called from a {@link DefaultEventQueue}'s
     * thread while it runs a batch.
     *
     * @return {@code false}, without running or keeping {@code task}, anywhere else
     */
    public static boolean defer(Runnable task) {
        if (Thread.currentThread() instanceof QueueThread t && t.inBatch) {
            t.deferred.add(task);
            return true;
        }
        return false;
    }

    /**
     * The thread of a {@link DefaultEventQueue}, carrying the work deferred to the end of its batch.
     *
     * <p>Thread safety: its fields are touched only by the thread itself.
     */
    static final class QueueThread extends Thread {
        final ArrayList<Runnable> deferred = new ArrayList<>();
        boolean inBatch;

        QueueThread(Runnable body, String name) {
            super(body, name);
        }
    }
}
