package io.cellnet.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.QueueBlocker;
import io.cellnet.testing.ManualEventQueue;
import io.cellnet.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One-shot timers on a queue, driven by the manual clock and the manual queue: every step is
 * explicit (the clock posts, the queue runs), so nothing is awaited.
 */
class TimersTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final List<Throwable> failures = new ArrayList<>();
    private final ManualEventQueue queue = new ManualEventQueue("timer-queue", (cause, event) -> failures.add(cause));
    private final AtomicBoolean ran = new AtomicBoolean();

    @AfterEach
    void queueIsDrained() {
        queue.close();
        assertEquals(0, queue.pending());
    }

    @Test
    void firesOnlyAfterTheDelayHasPassedAndOnTheQueue() {
        List<Boolean> onQueue = new ArrayList<>();
        TimerHandle h = Timers.after(clock, queue, Duration.ofMillis(100), () -> onQueue.add(queue.inLoop()));
        clock.advance(Duration.ofMillis(99));
        assertEquals(0, queue.runAll());
        assertEquals(List.of(), onQueue, "fired before its time");
        assertFalse(h.isDone());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(), onQueue, "ran on the clock's thread instead of the queue");
        assertEquals(1, queue.runAll());
        assertEquals(List.of(true), onQueue);
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
        queue.runAll();
        assertFalse(ran.get());
    }

    @Test
    void cancelWorksUntilTheTaskStartsOnTheQueue() {
        TimerHandle h = Timers.after(clock, queue, Duration.ofMillis(5), () -> ran.set(true));
        clock.advance(Duration.ofMillis(5));
        assertEquals(1, queue.pending(), "the timer did not post to the queue");
        assertTrue(h.cancel());
        queue.runAll();
        assertFalse(ran.get(), "a timer cancelled while queued ran");
    }

    @Test
    void aZeroDelayFiresAtTheNextRunOfDueTasks() {
        Timers.after(clock, queue, Duration.ZERO, () -> ran.set(true));
        queue.runAll();
        assertFalse(ran.get(), "fired without the clock");
        clock.runDueTasks();
        queue.runAll();
        assertTrue(ran.get());
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Timers.after(clock, queue, Duration.ofMillis(-1), () -> ran.set(true)));
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void anExceptionFromTheTaskGoesToTheQueueHandler() {
        IllegalStateException boom = new IllegalStateException("boom");
        Timers.after(clock, queue, Duration.ofMillis(1), () -> {
            throw boom;
        });
        clock.advance(Duration.ofMillis(1));
        queue.runAll();
        assertEquals(1, failures.size());
        assertSame(boom, failures.get(0));
    }

    @Test
    void theSystemSchedulerFiresInRealTimeOnTheQueueThread() {
        EventQueue real = EventQueue.create("real-timer-queue").startLoop();
        try {
            CountDownLatch fired = new CountDownLatch(1);
            List<String> threads = new ArrayList<>();
            long start = Scheduler.system().nanoTime();
            Timers.after(real, Duration.ofMillis(20), () -> {
                threads.add(Thread.currentThread().getName());
                fired.countDown();
            });
            QueueBlocker.await(fired);
            assertTrue(Scheduler.system().nanoTime() - start >= Duration.ofMillis(20).toNanos(), "fired early");
            assertEquals(List.of("real-timer-queue"), threads);
        } finally {
            real.close();
        }
    }
}
