package io.cellnet.netty;

import io.cellnet.CallbackExceptionHandler;
import io.cellnet.DefaultEventQueue;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.RecvMsgEvent;
import io.cellnet.internal.Awaits;
import io.cellnet.internal.LoopThreads;
import io.cellnet.internal.RateLimitedLog;
import io.cellnet.netty.internal.SpinningSelect;
import io.cellnet.netty.internal.Transports;
import io.cellnet.observe.Observability;
import io.cellnet.observe.QueueObserver;
import io.cellnet.observe.QueueTags;
import io.cellnet.timer.Scheduler;
import io.cellnet.timer.TimerHandle;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventQueue} whose thread is a Netty event loop ({@link NettyQueues#loop}): the peers
 * built with it ({@code .queue(loopQueue)}) register their channels on that loop, so reading,
 * decoding, the user's callback, encoding and writing all happen on one thread with no hand-off.
 * Game logic keeps the queue's guarantee: every callback of every session of those peers, every
 * task posted to the queue and every timer on it runs on that one thread, one at a time.
 *
 * <h2>Ordering</h2>
 * An event read on the loop is delivered at once, inside the read, when nothing posted earlier is
 * still waiting; otherwise it waits behind what was posted before it. A task posted from the loop's
 * own thread while a task or callback runs runs after it, as on every queue. Tasks posted from
 * other threads run in their post order. So the order of a queue holds: tasks and events run in
 * the order they were posted, each session's events in the order they were read.
 *
 * <h2>Differences from the thread queue</h2>
 * <ul>
 *   <li>The loop runs from creation: {@link #startLoop()} does nothing, and tasks posted before it
 *       run at once. {@link #stopLoop()} refuses further posts, runs what was posted before, then
 *       shuts the loop down, closing any channel still registered on it: stop the peers first.</li>
 *   <li>Once idle, the loop polls its channels for 50 µs before it blocks
 *       ({@code -Dcellnet.loop.spinMicros}, 0 to block at once), as the thread queue spins: a
 *       message arriving meanwhile costs no wake-up.</li>
 *   <li>It is unbounded, and hands off nothing in batches: a connection's writes are flushed once
 *       per read of the loop, as Netty does ({@link #deferToBatchEnd} is never needed).</li>
 *   <li>It is a {@link Scheduler}: {@code Timers.after(queue, ..)} and {@code new TimerLoop(queue,
 *       ..)} run their timers on the loop itself.</li>
 *   <li>Callbacks must not block: they hold up the I/O of every connection of the loop. The blocking
 *       calls of cellnet ({@code Rpc.callSync}, {@code Rpc.callSyncType}, {@code SyncReceiver}'s
 *       receive methods, a {@code tcp.SyncConnector}'s {@code start()}) throw an
 *       {@link IllegalStateException} at once on the loop instead of waiting for themselves, and
 *       {@code Peer.close()} there starts the stop without waiting for it.</li>
 * </ul>
 *
 * <p>Peers whose channels cannot run on a socket event loop (in-memory {@code LocalPeers}), and peers
 * given their own {@code eventLoopGroup(..)}, use the queue as any other: their events are handed to
 * the loop's thread.
 *
 * <p>Thread safety: every method may be called from any thread; tasks run on the loop's thread.
 */
public final class LoopEventQueue implements EventQueue, Scheduler {
    private static final Logger log = LoggerFactory.getLogger(LoopEventQueue.class);
    /** How long the loop polls without blocking once idle ({@code -Dcellnet.loop.spinMicros}, 0 = never). */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(Integer.getInteger("cellnet.loop.spinMicros", 50));

    private final String name;
    private final CallbackExceptionHandler exceptionHandler;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final RateLimitedLog refusedLog = new RateLimitedLog(log, 1, TimeUnit.SECONDS);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    /** Tasks handed to the loop's task queue and not yet started. */
    private final AtomicInteger queued = new AtomicInteger();
    private final Object lock = new Object();
    private final QueueObserver observer;
    private final int timingInterval;
    // racy on purpose: it only spaces out the timed tasks
    private int untilTimed;
    // written under lock
    private volatile boolean stopRequested;
    // loop thread only: a task or callback of this queue is running
    private boolean running;

    LoopEventQueue(String name, CallbackExceptionHandler exceptionHandler) {
        this.name = name;
        this.exceptionHandler = exceptionHandler;
        this.group = new MultiThreadIoEventLoopGroup(1, new LoopThreadFactory(name),
                Transports.ioHandlerFactory(() -> new SpinningSelect(SPIN_NANOS)));
        this.loop = group.next();
        group.terminationFuture().addListener(f -> terminated.complete(null));
        this.observer = Observability.current().queue(new QueueTags(name, this::pending));
        this.timingInterval = Math.max(1, observer.timingInterval());
    }

    /** The event loop: the queue's thread, and where the channels of its peers are registered. */
    public EventLoop eventLoop() {
        return loop;
    }

    @Override
    public boolean post(Runnable task) {
        return post(task, null);
    }

    @Override
    public boolean post(EventCallback callback, RecvMsgEvent event) {
        return post((Object) callback, event);
    }

    private boolean post(Object task, @Nullable RecvMsgEvent event) {
        if (loop.inEventLoop() && !running && queued.get() == 0) {
            if (stopRequested) {
                return refused();
            }
            run(task, event, stamp());
            return true;
        }
        synchronized (lock) {
            if (!stopRequested) {
                queued.incrementAndGet();
                try {
                    loop.execute(new Queued(task, event));
                    return true;
                } catch (RejectedExecutionException e) {
                    queued.decrementAndGet();
                }
            }
        }
        return refused();
    }

    private boolean refused() {
        refusedLog.warn("event queue '{}' is stopped: task refused", name);
        return false;
    }

    /** When an observed task to time is posted; 0 for a task not timed. */
    private long stamp() {
        if (observer == QueueObserver.NONE || --untilTimed > 0) {
            return 0;
        }
        untilTimed = timingInterval;
        return System.nanoTime();
    }

    /** Runs one task or callback on the loop; what it throws goes to the exception handler. */
    private void run(Object task, @Nullable RecvMsgEvent event, long postedAt) {
        QueueObserver o = observer;
        long start = 0;
        if (postedAt != 0) {
            start = System.nanoTime();
            o.started(start - postedAt);
        }
        running = true;
        try {
            if (event == null) {
                ((Runnable) task).run();
            } else {
                ((EventCallback) task).onEvent(event);
            }
        } catch (Throwable t) {
            o.failed();
            DefaultEventQueue.handle(exceptionHandler, t, event);
        } finally {
            running = false;
        }
        if (postedAt != 0) {
            o.finished(System.nanoTime() - start);
        }
        if (Thread.interrupted()) {
            log.debug("event queue '{}' cleared an interrupt left by a task", name);
        }
    }

    /** Does nothing: the loop runs from creation. Returns this queue. */
    @Override
    public EventQueue startLoop() {
        return this;
    }

    @Override
    public CompletableFuture<Void> stopLoop() {
        boolean first;
        synchronized (lock) {
            first = !stopRequested;
            stopRequested = true;
        }
        if (first) {
            // runs every task the loop holds, then ends the thread
            group.shutdownGracefully(0, 10, TimeUnit.SECONDS);
        }
        return terminated.copy();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return Awaits.await(terminated, timeout);
    }

    @Override
    public int pending() {
        return queued.get();
    }

    @Override
    public boolean inLoop() {
        return loop.inEventLoop();
    }

    @Override
    public String name() {
        return name;
    }

    /** {@link #stopLoop()} and wait at most 10 seconds; on the loop itself, returns at once. */
    @Override
    public void close() {
        stopLoop();
        if (inLoop()) {
            return;
        }
        try {
            if (!await(Duration.ofSeconds(10))) {
                log.warn("event queue '{}' did not stop within 10 s ({} tasks pending)", name, pending());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code task} on the loop after {@code delay} (not as a queue task: it must be short). */
    @Override
    public TimerHandle schedule(Runnable task, Duration delay) {
        try {
            return TimerHandle.of(loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            refusedLog.warn("event queue '{}' is stopped: timer refused", name);
            return TimerHandle.of(loop.newFailedFuture(e));
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public String toString() {
        return "LoopEventQueue(" + name + ")";
    }

    /** A task or event delivery waiting in the loop's task queue. */
    private final class Queued implements Runnable {
        private final Object task;
        private final @Nullable RecvMsgEvent event;
        private final long postedAt = stamp();

        Queued(Object task, @Nullable RecvMsgEvent event) {
            this.task = task;
            this.event = event;
        }

        @Override
        public void run() {
            queued.decrementAndGet();
            LoopEventQueue.this.run(task, event, postedAt);
        }
    }

    /** Names the loop's thread after the queue, and marks it as a thread that must not block. */
    private static final class LoopThreadFactory extends DefaultThreadFactory {
        private final String queueName;

        LoopThreadFactory(String queueName) {
            super(queueName);
            this.queueName = queueName;
        }

        @Override
        protected Thread newThread(Runnable r, String threadName) {
            return super.newThread(() -> {
                LoopThreads.markCurrent("loop queue '" + queueName + "'");
                r.run();
            }, queueName);
        }
    }
}
