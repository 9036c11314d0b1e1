package io.cellnet;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A single-consumer executor for game logic (Go's {@code cellnet.EventQueue}): all sessions of the
 * peers that share a queue deliver their events to it, so user code runs on one thread without
 * locks.
 *
 * <h2>Ordering</h2>
 * Tasks of one queue run one at a time, in the order they were posted, on the queue's thread.
 * Tasks posted by one thread therefore run in that thread's posting order; tasks from different
 * threads interleave in the order their posts happened. {@code post} is safe from any thread,
 * including the queue's own thread (the task then runs after the current one).
 *
 * <h2>Lifecycle</h2>
 * Tasks may be posted before {@link #startLoop()}; they run once the loop starts.
 * {@link #stopLoop()} lets the loop finish every task posted before the stop, then ends it (Go drops
 * some of them). A post after the stop is refused: {@code post} returns {@code false} and a warning
 * is logged; nothing is lost silently. A stopped queue cannot be restarted.
 *
 * <h2>Sends from a batch</h2>
 * The queue takes its tasks in batches (everything posted since the last batch). Messages a task
 * sends are encoded and queued at once, in order, but a connection's write is scheduled when the
 * batch ends (or every 256 tasks), so that the replies to a burst of messages leave in one write
 * instead of one each. Transports do this through {@link #deferToBatchEnd}, asking the queue of the
 * session's peer. Nothing is asked of user code: a task that sends and then blocks (waits on a
 * future or a latch that the reply releases, sleeps, runs a JDBC call) does not hold its writes
 * back, because work held by a batch for more than about a millisecond is run by a shared watchdog
 * thread. Blocking a queue's thread still delays every other event of the queue; it only no longer
 * delays the writes.
 *
 * <h2>Failures</h2>
 * An exception thrown by a task goes to the queue's {@link CallbackExceptionHandler} (by default one
 * SLF4J error line with the stack) and the loop keeps running. An interrupt that a task leaves on
 * the queue's thread is cleared before the next task; only {@link #stopLoop()} ends the loop.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface EventQueue extends Executor, AutoCloseable {

    /**
     * Posts a task.
     *
     * @return {@code true} when accepted; {@code false} when refused (the queue was stopped, or a
     *     bounded queue is full), with a log line saying why
     */
    boolean post(Runnable task);

    /**
     * Posts the delivery of {@code event} to {@code callback}. Same rules as {@link #post(Runnable)};
     * implementations deliver without allocating a task object, and tell the exception handler
     * which event was being delivered.
     */
    boolean post(EventCallback callback, RecvMsgEvent event);

    /** {@link Executor} form of {@link #post(Runnable)}; throws when the task is refused. */
    @Override
    default void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (!post(task)) {
            throw new RejectedExecutionException("event queue '" + name() + "' refused the task");
        }
    }

    /** Starts the consumer thread (Go's {@code StartLoop}); idempotent. Returns this queue. */
    EventQueue startLoop();

    /**
     * Stops accepting tasks; the loop runs every task posted before and then ends (Go's
     * {@code StopLoop}). The future completes when the loop has ended; idempotent.
     */
    CompletableFuture<Void> stopLoop();

    /**
     * Waits for the loop to end after {@link #stopLoop()} (Go's {@code Wait}), at most
     * {@code timeout}.
     *
     * @return {@code true} when the loop has ended
     */
    boolean await(Duration timeout) throws InterruptedException;

    /** The number of tasks posted and not yet started (Go's {@code Count}). */
    int pending();

    /** {@code true} when the calling thread is this queue's consumer thread. */
    boolean inLoop();

    /**
     * {@code true} once {@link #startLoop()} has been called (the loop may have ended since); a
     * queue that needs no start, such as {@link #direct()}, is always started. Peers use it to warn
     * when their events wait on a queue that nobody started.
     */
    default boolean isStarted() {
        return true;
    }

    /** The queue's name, used for its thread and in logs. */
    String name();

    /** {@link #stopLoop()} and wait for it, at most 10 seconds. Not for use on the queue's own thread. */
    @Override
    void close();

    /**
     * Puts {@code task} off until the batch of tasks this queue is running ends (see "Sends from a
     * batch" above): the hook transports use to give each connection one write per batch. It
     * applies only when called from a task of this queue.
     *
     * <p>{@code task} must be short and thread-safe: it runs on the queue's thread when the batch
     * ends (or after 256 tasks of a long batch), or on the watchdog's thread when the batch holds
     * it for more than about a millisecond. It runs exactly once.
     *
     * @return {@code true} when {@code task} was put off; {@code false} (without keeping it) when
     *     the caller is not a task of this queue, or the queue has no batches (the default, and
     *     {@link #direct()})
     */
    default boolean deferToBatchEnd(Runnable task) {
        return false;
    }

    /**
     * A queue that runs every task at once on the posting thread. A peer whose queue is direct runs
     * callbacks on its I/O threads. Exceptions still go to the default handler.
     */
    static EventQueue direct() {
        return DirectEventQueue.INSTANCE;
    }

    /** A new unbounded queue with one consumer thread named {@code name}, not yet started. */
    static EventQueue create(String name) {
        return builder(name).build();
    }

    /** A builder for a queue with one consumer thread. */
    static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Builds the default {@link EventQueue}.
     *
     * <p>Thread safety: not thread-safe; use from one thread.
     */
    final class Builder {
        private final String name;
        private int capacity = Integer.MAX_VALUE;
        private CallbackExceptionHandler exceptionHandler = DefaultEventQueue.LOGGING_HANDLER;

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Bounds the number of pending tasks. When full, {@code post} returns {@code false} and logs
         * (at a limited rate); peers close a session whose event could not be posted, so that no
         * message is lost silently. A {@link SessionClosed} event is accepted even when the queue
         * is full (there is one per session), so that every session's close is delivered.
         * Unbounded by default.
         */
        public Builder capacity(int capacity) {
            if (capacity <= 0) {
                throw new IllegalArgumentException("capacity must be > 0: " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** Where exceptions thrown by tasks go; by default one error log line with the stack. */
        public Builder exceptionHandler(CallbackExceptionHandler handler) {
            this.exceptionHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The queue, not yet started. */
        public EventQueue build() {
            return new DefaultEventQueue(name, capacity, exceptionHandler);
        }
    }
}
