package io.cellnet.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.QueueBlocker;
import io.cellnet.testing.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One-shot timers on a queue, driven by the manual clock. */
class TimersTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private final EventQueue queue = EventQueue.builder("timer-queue")
            .exceptionHandler((cause, event) -> failure.complete(cause)).build().startLoop();
    private final AtomicBoolean ran = new AtomicBoolean();

    @AfterEach
    void stopQueue() {
        queue.close();
    }

    /** Waits until every task posted to the queue so far has run. */
    private void drainQueue() {
        CountDownLatch marker = new CountDownLatch(1);
        queue.post(marker::countDown);
        QueueBlocker.await(marker);
    }

    @Test
    void firesOnlyAfterTheDelayHasPassedAndOnTheQueueThread() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        TimerHandle h = Timers.after(clock, queue, Duration.ofMillis(100),
                () -> thread.complete(Thread.currentThread().getName()));
        clock.advance(Duration.ofMillis(99));
        drainQueue();
        assertFalse(thread.isDone(), "fired before its time");
        assertFalse(h.isDone());
        clock.advance(Duration.ofMillis(1));
        assertEquals("timer-queue", thread.get(5, TimeUnit.SECONDS));
        assertTrue(h.isDone());
        assertFalse(h.cancel(), "cancel after firing returned true");
    }

    @Test
    void cancelBeforeFiringReturnsTrueAndItNeverRuns() {
        TimerHandle h = Timers.after(clock, queue, Duration.ofMillis(100), () -> ran.set(true));
        assertTrue(h.cancel());
        assertTrue(h.isDone());
        assertFalse(h.cancel(), "a second cancel returned true");
        assertEquals(0, clock.pendingTasks(), "the clock still holds the cancelled timer");
        clock.advance(Duration.ofSeconds(1));
        drainQueue();
        assertFalse(ran.get());
    }

    @Test
    void cancelWorksUntilTheTaskStartsOnTheQueue() {
        QueueBlocker blocker = QueueBlocker.block(queue);
        TimerHandle h = Timers.after(clock, queue, Duration.ofMillis(5), () -> ran.set(true));
        clock.advance(Duration.ofMillis(5));
        assertEquals(1, queue.pending(), "the timer did not post to the queue");
        assertTrue(h.cancel());
        blocker.release();
        drainQueue();
        assertFalse(ran.get(), "a timer cancelled while queued ran");
    }

    @Test
    void aZeroDelayFiresAtTheNextRunOfDueTasks() {
        Timers.after(clock, queue, Duration.ZERO, () -> ran.set(true));
        drainQueue();
        assertFalse(ran.get(), "fired without the clock");
        clock.runDueTasks();
        drainQueue();
        assertTrue(ran.get());
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Timers.after(clock, queue, Duration.ofMillis(-1), () -> ran.set(true)));
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void anExceptionFromTheTaskGoesToTheQueueHandler() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Timers.after(clock, queue, Duration.ofMillis(1), () -> {
            throw boom;
        });
        clock.advance(Duration.ofMillis(1));
        assertSame(boom, failure.get(5, TimeUnit.SECONDS));
    }

    @Test
    void theSystemSchedulerFiresInRealTime() {
        CountDownLatch fired = new CountDownLatch(1);
        long start = Scheduler.system().nanoTime();
        Timers.after(queue, Duration.ofMillis(20), fired::countDown);
        QueueBlocker.await(fired);
        assertTrue(Scheduler.system().nanoTime() - start >= Duration.ofMillis(20).toNanos(), "fired early");
    }
}
