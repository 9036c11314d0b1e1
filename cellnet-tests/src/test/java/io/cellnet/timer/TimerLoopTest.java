package io.cellnet.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.testing.ManualEventQueue;
import io.cellnet.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repeating timer, driven by the manual clock and, where a queue matters, the manual queue. */
class TimerLoopTest {
    private static final Duration PERIOD = Duration.ofMillis(100);

    private final ManualScheduler clock = new ManualScheduler();
    /** Clock time (ms) of each tick. */
    private final List<Long> ticks = new CopyOnWriteArrayList<>();
    private final Consumer<TimerLoop> recordTick = l -> ticks.add(Duration.ofNanos(clock.nanoTime()).toMillis());

    /** A loop on the direct queue: ticks run inside {@code advance}, deterministically. */
    private TimerLoop directLoop(Consumer<TimerLoop> tick) {
        return new TimerLoop(clock, EventQueue.direct(), PERIOD, tick);
    }

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    @Test
    void ticksOncePerPeriodAsTheClockAdvances() {
        TimerLoop loop = directLoop(recordTick);
        assertTrue(loop.start());
        clock.advance(ms(99));
        assertEquals(List.of(), ticks);
        clock.advance(ms(901));
        assertEquals(List.of(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L), ticks);
        assertTrue(loop.isRunning());
    }

    @Test
    void aThrowingTickDoesNotStopTheLoop() throws Exception {
        // Go's TestLoopPanic: a queue that captures failures, a tick that always throws.
        List<Throwable> failures = new ArrayList<>();
        ManualEventQueue queue = new ManualEventQueue("loop-panic", (cause, ev) -> failures.add(cause));
        TimerLoop loop = new TimerLoop(clock, queue, PERIOD, l -> {
            recordTick.accept(l);
            throw new IllegalStateException("tick " + ticks.size());
        });
        loop.start();
        for (int i = 1; i <= 3; i++) {
            advanceOneTickOnQueue(queue, i);
        }
        loop.stop();
        queue.close();
        assertTrue(queue.await(Duration.ZERO), "the queue did not stop");
        assertEquals(List.of(100L, 200L, 300L), ticks);
        assertEquals(3, failures.size());
    }

    /** Moves the clock one period, runs the queue, and checks tick {@code n} ran and the next is scheduled. */
    private void advanceOneTickOnQueue(ManualEventQueue queue, int n) {
        clock.advance(PERIOD);
        assertEquals(1, queue.runAll());
        assertEquals(n, ticks.size());
        assertEquals(1, clock.pendingTasks());
    }

    @Test
    void ticksRunOnTheQueueNotOnTheClock() {
        ManualEventQueue queue = new ManualEventQueue("loop-queue");
        List<Boolean> onQueue = new ArrayList<>();
        TimerLoop loop = new TimerLoop(clock, queue, PERIOD, l -> {
            onQueue.add(queue.inLoop());
            recordTick.accept(l);
        });
        loop.start();
        clock.advance(PERIOD);
        assertEquals(List.of(), ticks, "the tick ran on the clock's thread");
        assertEquals(0, clock.pendingTasks(), "the next tick was scheduled before this one ran");
        queue.runAll();
        assertEquals(1, clock.pendingTasks());
        advanceOneTickOnQueue(queue, 2);
        loop.stop();
        queue.close();
        assertEquals(List.of(true, true), onQueue);
    }

    @Test
    void stopStopsFutureTicks() {
        TimerLoop loop = directLoop(recordTick);
        loop.start();
        clock.advance(PERIOD);
        loop.stop();
        assertFalse(loop.isRunning());
        assertEquals(0, clock.pendingTasks());
        clock.advance(ms(1000));
        assertEquals(List.of(100L), ticks);
        loop.stop();
    }

    @Test
    void stopDropsATickAlreadyPostedToTheQueue() {
        ManualEventQueue queue = new ManualEventQueue("loop-stop");
        TimerLoop loop = new TimerLoop(clock, queue, PERIOD, recordTick);
        loop.start();
        clock.advance(PERIOD);
        assertEquals(1, queue.pending());
        loop.stop();
        queue.close();
        assertEquals(List.of(), ticks);
    }

    @Test
    void startReturnsFalseWhileRunningAndRestartsAfterStop() {
        TimerLoop loop = directLoop(recordTick);
        assertTrue(loop.start());
        assertFalse(loop.start());
        assertEquals(1, clock.pendingTasks(), "a second start scheduled a second tick");
        loop.stop();
        clock.advance(ms(50));
        assertTrue(loop.start());
        clock.advance(PERIOD);
        assertEquals(List.of(150L), ticks);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -100})
    void aZeroOrNegativePeriodIsRefused(long millis) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimerLoop(clock, EventQueue.direct(), ms(millis), recordTick));
        assertTrue(e.getMessage().contains("period"), e.getMessage());
    }

    @Test
    void nextLoopTicksNowAndRestartsThePeriod() {
        TimerLoop loop = directLoop(recordTick);
        loop.start();
        clock.advance(ms(60));
        loop.nextLoop();
        assertEquals(List.of(60L), ticks);
        clock.advance(ms(60));
        assertEquals(List.of(60L), ticks, "the old schedule still ticked");
        clock.advance(ms(40));
        assertEquals(List.of(60L, 160L), ticks);
        assertEquals(1, clock.pendingTasks());
    }

    @Test
    void nextLoopDoesNothingWhenStopped() {
        TimerLoop loop = directLoop(recordTick);
        loop.nextLoop();
        assertEquals(List.of(), ticks);
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void notifyNowTicksAtOnceAndKeepsTheSchedule() {
        TimerLoop loop = directLoop(recordTick);
        loop.notifyNow();
        assertEquals(List.of(0L), ticks, "notifyNow on a stopped loop did not tick");
        loop.start();
        clock.advance(ms(60));
        loop.notifyNow();
        clock.advance(ms(40));
        assertEquals(List.of(0L, 60L, 100L), ticks);
    }

    @Test
    void aTickCanStopItsOwnLoop() {
        TimerLoop loop = directLoop(l -> {
            recordTick.accept(l);
            if (ticks.size() == 2) {
                l.stop();
            }
        });
        loop.start();
        clock.advance(ms(1000));
        assertEquals(List.of(100L, 200L), ticks);
        assertFalse(loop.isRunning());
    }
}
