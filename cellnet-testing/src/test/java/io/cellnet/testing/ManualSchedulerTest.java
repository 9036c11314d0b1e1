package io.cellnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.timer.TimerHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The manual clock: time moves only on {@code advance}, tasks run in time order on the caller. */
class ManualSchedulerTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> ran = new ArrayList<>();

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    private TimerHandle at(long millis, String name) {
        return clock.schedule(() -> ran.add(name + "@" + Duration.ofNanos(clock.nanoTime()).toMillis()), ms(millis));
    }

    @Test
    void nothingRunsUntilTheClockIsAdvancedPastTheDueTime() {
        at(100, "a");
        assertEquals(0, clock.advance(ms(99)));
        assertEquals(List.of(), ran);
        assertEquals(ms(99).toNanos(), clock.nanoTime());
        assertEquals(1, clock.advance(ms(1)));
        assertEquals(List.of("a@100"), ran);
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void dueTasksRunInTimeOrderAndTiesInScheduleOrderEachSeeingItsDueTime() {
        at(300, "c");
        at(100, "a");
        at(200, "b1");
        at(200, "b2");
        at(500, "later");
        assertEquals(4, clock.advance(ms(400)));
        assertEquals(List.of("a@100", "b1@200", "b2@200", "c@300"), ran);
        assertEquals(ms(400).toNanos(), clock.nanoTime());
        assertEquals(1, clock.pendingTasks());
    }

    @Test
    void tasksScheduledByTasksRunWhenTheyFallDueWithinTheWindow() {
        clock.schedule(() -> {
            ran.add("first@" + Duration.ofNanos(clock.nanoTime()).toMillis());
            at(50, "child");
            at(500, "grandchild-too-late");
        }, ms(100));
        clock.advance(ms(200));
        assertEquals(List.of("first@100", "child@150"), ran);
        assertEquals(1, clock.pendingTasks());
        clock.advance(ms(400));
        assertEquals(List.of("first@100", "child@150", "grandchild-too-late@600"), ran);
    }

    @Test
    void runDueTasksRunsZeroAndNegativeDelayTasksWithoutMovingTheClock() {
        clock.advance(ms(10));
        clock.schedule(() -> ran.add("zero"), Duration.ZERO);
        clock.schedule(() -> ran.add("negative"), ms(-5));
        at(1, "future");
        assertEquals(List.of(), ran, "schedule ran a task inline");
        assertEquals(2, clock.runDueTasks());
        assertEquals(List.of("zero", "negative"), ran);
        assertEquals(ms(10).toNanos(), clock.nanoTime());
        assertEquals(1, clock.pendingTasks());
    }

    @Test
    void cancelBeforeRunningPreventsItAndCancelAfterwardsReturnsFalse() {
        TimerHandle cancelled = at(100, "cancelled");
        TimerHandle kept = at(100, "kept");
        assertFalse(cancelled.isDone());
        assertTrue(cancelled.cancel());
        assertTrue(cancelled.isDone());
        assertFalse(cancelled.cancel(), "a second cancel succeeded");
        assertEquals(1, clock.pendingTasks());
        clock.advance(ms(100));
        assertEquals(List.of("kept@100"), ran);
        assertTrue(kept.isDone());
        assertFalse(kept.cancel(), "cancel after running succeeded");
    }

    @Test
    void aTaskCannotBeCancelledOnceItHasStarted() {
        List<Boolean> cancelResult = new ArrayList<>();
        TimerHandle[] self = new TimerHandle[1];
        self[0] = clock.schedule(() -> cancelResult.add(self[0].cancel()), ms(1));
        clock.advance(ms(1));
        assertEquals(List.of(false), cancelResult);
    }

    @Test
    void failingTasksDoNotStopTheOthersAndTheFirstFailureIsRethrown() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        clock.schedule(() -> {
            throw first;
        }, ms(1));
        at(2, "survivor");
        clock.schedule(() -> {
            throw second;
        }, ms(3));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> clock.advance(ms(10)));
        assertSame(first, thrown);
        assertEquals(List.of(second), List.of(thrown.getSuppressed()));
        assertEquals(List.of("survivor@2"), ran);
        assertEquals(ms(10).toNanos(), clock.nanoTime(), "the clock did not finish moving");
    }

    @Test
    void advanceRefusesNegativeAmounts() {
        assertThrows(IllegalArgumentException.class, () -> clock.advance(ms(-1)));
        assertEquals(0, clock.nanoTime());
    }

    @Test
    void manyThreadsMayScheduleAtOnceAndEveryTaskRunsOnceOnTheAdvancingThread() throws Exception {
        AtomicInteger count = new AtomicInteger();
        Thread advancing = Thread.currentThread();
        AtomicInteger wrongThread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        clock.schedule(() -> {
                            count.incrementAndGet();
                            wrongThread.addAndGet(Thread.currentThread() == advancing ? 0 : 1);
                        }, ms(i % 10));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4000, clock.pendingTasks());
        assertEquals(4000, clock.advance(ms(10)));
        assertEquals(4000, count.get());
        assertEquals(0, wrongThread.get());
    }

    @Test
    void awaitPendingTasksReturnsOnceAnotherThreadHasScheduledAndFailsWhenNothingIsScheduled() throws Exception {
        clock.awaitPendingTasks(0, Duration.ZERO);
        Thread scheduler = new Thread(() -> at(1000, "reconnect"), "io-thread");
        scheduler.start();
        clock.awaitPendingTasks(1, Duration.ofSeconds(5));
        scheduler.join(5000);
        assertEquals(1, clock.advance(ms(1000)));
        clock.awaitPendingTasks(0, Duration.ZERO);
        AssertionError timedOut = assertThrows(AssertionError.class, () -> clock.awaitPendingTasks(1, ms(20)));
        assertEquals("expected 1 pending task(s) within 20 ms, but 0 are pending", timedOut.getMessage());
        assertThrows(IllegalArgumentException.class, () -> clock.awaitPendingTasks(-1, ms(1)));
    }

    @Test
    void awaitPendingTasksSeesCancelledTasksGo() {
        TimerHandle a = at(100, "a");
        at(200, "b");
        clock.awaitPendingTasks(2, Duration.ZERO);
        assertTrue(a.cancel());
        clock.awaitPendingTasks(1, Duration.ZERO);
    }

    @Test
    void advanceUntilIdleRunsEveryTaskWhateverItsTimeAndTheTasksTheySchedule() {
        at(300, "c");
        at(100, "a");
        clock.schedule(() -> {
            ran.add("b@" + Duration.ofNanos(clock.nanoTime()).toMillis());
            at(1000, "chained");   // due 1000 ms after b, at 1200
        }, ms(200));
        assertEquals(4, clock.advanceUntilIdle());
        assertEquals(List.of("a@100", "b@200", "c@300", "chained@1200"), ran);
        assertEquals(ms(1200).toNanos(), clock.nanoTime(), "the clock stays at the last task's time");
        assertEquals(0, clock.advanceUntilIdle(), "idle: nothing to run, the clock does not move");
        assertEquals(ms(1200).toNanos(), clock.nanoTime());
    }

    @Test
    void aTimerThatReschedulesItselfForeverHitsTheBound() {
        Runnable[] tick = new Runnable[1];
        AtomicInteger ticks = new AtomicInteger();
        tick[0] = () -> {
            ticks.incrementAndGet();
            clock.schedule(tick[0], ms(10));
        };
        clock.schedule(tick[0], ms(10));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> clock.advanceUntilIdle(50));
        assertEquals(50, ticks.get());
        assertEquals("the clock did not idle: 1 task(s) still pending after 50 ran (a timer that reschedules itself,"
                + " such as a TimerLoop or a retrying connector?); move the clock with advance(Duration) instead, or"
                + " raise the bound", e.getMessage());
        assertEquals(ms(500).toNanos(), clock.nanoTime());
        assertThrows(IllegalArgumentException.class, () -> clock.advanceUntilIdle(0));
    }
}
