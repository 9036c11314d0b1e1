package io.cellnet.dbtesting;

import io.cellnet.EventQueue;
import io.cellnet.db.DbCallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Records the outcomes of database calls in the order their callbacks ran, with whether each ran on
 * the expected queue's thread.
 *
 * <p>Thread safety: callbacks may run on any thread; the test reads from its own.
 */
public final class DbResults {
    /** How long {@link #next()} waits. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final EventQueue queue;
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

    /** Records callbacks that must run on {@code queue}. */
    public DbResults(EventQueue queue) {
        this.queue = queue;
    }

    /**
     * Holds the queue until the returned latch is counted down (at most {@link #WAIT}), so that a
     * stage attached meanwhile to a future the queue completes runs on the queue's thread; attached
     * to a future already completed, it would run on the caller's.
     */
    public CountDownLatch holdQueue() {
        CountDownLatch release = new CountDownLatch(1);
        queue.post(() -> {
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }

    /**
     * One call's outcome.
     *
     * <p>Thread safety: immutable.
     *
     * @param tag     the tag given to {@link #callback}
     * @param value   the value
     * @param error   the error, {@code null} on success
     * @param onQueue whether the callback ran on the queue's thread
     */
    public record Outcome(String tag, @Nullable Object value, @Nullable Throwable error, boolean onQueue) {

        /** The value; fails when the call failed or did not run on the queue. */
        public @Nullable Object ok() {
            if (error != null) {
                throw new AssertionError(tag + " failed", error);
            }
            if (!onQueue) {
                throw new AssertionError(tag + " was not delivered on the queue's thread");
            }
            return value;
        }

        /** The error; fails when the call succeeded or did not run on the queue. */
        public Throwable failed() {
            if (error == null) {
                throw new AssertionError(tag + " succeeded with " + value + ", expected an error");
            }
            if (!onQueue) {
                throw new AssertionError(tag + " was not delivered on the queue's thread");
            }
            return error;
        }
    }

    /** A callback that records its outcome under {@code tag}. */
    public <T> DbCallback<T> callback(String tag) {
        return (value, error) -> outcomes.add(new Outcome(tag, value, error, queue.inLoop()));
    }

    /** The next outcome, waiting at most {@link #WAIT}. */
    public Outcome next() throws InterruptedException {
        Outcome o = outcomes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (o == null) {
            throw new AssertionError("no result within " + WAIT);
        }
        return o;
    }

    /** The next {@code n} outcomes in delivery order. */
    public List<Outcome> next(int n) throws InterruptedException {
        List<Outcome> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(next());
        }
        return list;
    }

    /** The outcomes recorded and not yet taken. */
    public int size() {
        return outcomes.size();
    }
}
