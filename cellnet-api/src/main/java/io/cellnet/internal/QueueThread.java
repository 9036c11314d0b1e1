package io.cellnet.internal;

import io.cellnet.DefaultEventQueue;

import java.util.ArrayList;

/**
 * The thread of a {@link DefaultEventQueue}. Code running a batch of the queue's tasks can put
 * work off until the batch ends: cellnet-netty schedules a connection's flush that way, so that
 * the replies a game loop sends to a burst of messages leave in one write instead of one each.
 *
 * <p>Thread safety: {@link #defer} and {@link #runDeferred} act only on the calling thread; any
 * thread may call them.
 */
public final class QueueThread extends Thread {
    /** Deferred work runs at least this often within a long batch, so early replies are not held back. */
    static final int MAX_TASKS_BETWEEN_RUNS = 256;

    private final ArrayList<Runnable> deferred = new ArrayList<>();
    private boolean inBatch;

    public QueueThread(Runnable body, String name) {
        super(body, name);
    }

    /**
     * Puts {@code task} off until the current batch ends (or {@value #MAX_TASKS_BETWEEN_RUNS} more
     * tasks have run, or {@link #runDeferred()} is called), when called from an event queue's thread
     * while it runs a batch.
     *
     * @return {@code false}, without keeping {@code task}, anywhere else
     */
    public static boolean defer(Runnable task) {
        if (Thread.currentThread() instanceof QueueThread q && q.inBatch) {
            q.deferred.add(task);
            return true;
        }
        return false;
    }

    /** Runs now what the calling queue thread put off; does nothing on other threads. */
    public static void runDeferred() {
        if (Thread.currentThread() instanceof QueueThread q) {
            q.runDeferredWork();
        }
    }

    public void startBatch() {
        inBatch = true;
    }

    public void endBatch() {
        inBatch = false;
        runDeferredWork();
    }

    public void afterTask(int tasksRun) {
        if (tasksRun % MAX_TASKS_BETWEEN_RUNS == 0) {
            runDeferredWork();
        }
    }

    private void runDeferredWork() {
        if (deferred.isEmpty()) {
            return;
        }
        boolean was = inBatch;
        inBatch = false;
        try {
            for (int i = 0; i < deferred.size(); i++) {
                deferred.get(i).run();
            }
        } finally {
            deferred.clear();
            inBatch = was;
        }
    }
}
