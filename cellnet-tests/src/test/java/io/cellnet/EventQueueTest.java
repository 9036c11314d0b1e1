package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.testing.FakeSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default queue's contract: order, stop semantics, refusals, failures, capacity. */
class EventQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<EventQueue> queues = new ArrayList<>();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    /** What a queue's exception handler saw. */
    private record Failure(Throwable cause, @Nullable Event event) {
    }

    @AfterEach
    void stopQueues() {
        queues.forEach(EventQueue::stopLoop);
    }

    private EventQueue track(EventQueue q) {
        queues.add(q);
        return q;
    }

    private EventQueue started() {
        return track(EventQueue.create("test-queue")).startLoop();
    }

    private Runnable record(String name) {
        return () -> ran.add(name);
    }

    private static void stopAndWait(EventQueue q) throws Exception {
        q.stopLoop().get(5, TimeUnit.SECONDS);
    }

    @Test
    void runsTasksOneAtATimeInPostOrderOnItsOwnThread() throws Exception {
        EventQueue q = started();
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            q.post(record("t" + i));
            q.post(() -> threads.add(Thread.currentThread().getName()));
        }
        stopAndWait(q);
        assertEquals(IntStream.range(0, 100).mapToObj(i -> "t" + i).toList(), ran);
        assertEquals(List.of("test-queue"), threads.stream().distinct().toList());
    }

    @Test
    void stopRunsEverythingPostedBeforeItIncludingTasksPostedByARunningTask() throws Exception {
        EventQueue q = started();
        CountDownLatch innerPosted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean lateAccepted = new AtomicBoolean(true);
        q.post(() -> {
            ran.add("outer");
            q.post(record("inner"));
            innerPosted.countDown();
            QueueBlocker.await(release);
            lateAccepted.set(q.post(record("late")));
        });
        QueueBlocker.await(innerPosted);
        q.post(record("after-inner"));
        CompletableFuture<Void> stopped = q.stopLoop();
        release.countDown();
        stopped.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("outer", "inner", "after-inner"), ran);
        assertFalse(lateAccepted.get(), "a post from a task after stopLoop() was accepted");
    }

    @Test
    void postAfterStopIsRefusedAndNeverRuns() throws Exception {
        EventQueue q = started();
        stopAndWait(q);
        assertFalse(q.post(record("runnable")));
        assertFalse(q.post(ev -> ran.add("callback"), FakeSession.event("m")));
        q.startLoop();
        assertFalse(q.post(record("after restart attempt")), "a stopped queue restarted");
        assertEquals(List.of(), ran);
    }

    @Test
    void stopOnANeverStartedQueueRunsWhatWasPosted() throws Exception {
        EventQueue q = track(EventQueue.create("never-started"));
        q.post(record("a"));
        q.post(ev -> ran.add("b:" + ev.message()), FakeSession.event("m"));
        q.post(record("c"));
        assertEquals(3, q.pending());
        assertEquals(List.of(), ran);
        stopAndWait(q);
        assertEquals(List.of("a", "b:m", "c"), ran);
        assertEquals(0, q.pending());
    }

    @Test
    void awaitIsFalseWhileRunningAndTrueAfterStop() throws Exception {
        EventQueue q = track(EventQueue.create("await"));
        assertFalse(q.await(Duration.ofMillis(10)), "await returned true before the queue ran");
        q.startLoop();
        assertFalse(q.await(Duration.ofMillis(20)), "await returned true while running");
        q.stopLoop();
        assertTrue(q.await(WAIT));
    }

    @Test
    void pendingCountsPostedTasksNotYetStarted() throws Exception {
        EventQueue q = started();
        QueueBlocker blocker = QueueBlocker.block(q);
        assertEquals(0, q.pending());
        q.post(record("a"));
        q.post(record("b"));
        q.post(ev -> ran.add("c"), FakeSession.event("m"));
        assertEquals(3, q.pending());
        blocker.release();
        stopAndWait(q);
        assertEquals(0, q.pending());
        assertEquals(List.of("a", "b", "c"), ran);
    }

    @Test
    void exceptionHandlerGetsTheThrowableAndTheEventAndTheLoopGoesOn() throws Exception {
        List<Failure> failures = new CopyOnWriteArrayList<>();
        EventQueue q = track(EventQueue.builder("failing")
                .exceptionHandler((cause, event) -> failures.add(new Failure(cause, event))).build()).startLoop();
        RuntimeException taskFailure = new IllegalStateException("task");
        RuntimeException callbackFailure = new IllegalArgumentException("callback");
        RecvMsgEvent event = FakeSession.event("m");
        q.post(() -> {
            throw taskFailure;
        });
        q.post(ev -> {
            throw callbackFailure;
        }, event);
        q.post(record("after"));
        stopAndWait(q);
        assertEquals(List.of(new Failure(taskFailure, null), new Failure(callbackFailure, event)), failures);
        assertEquals(List.of("after"), ran);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime", "error"})
    void aThrowingHandlerDoesNotKillTheLoop(String kind) throws Exception {
        AtomicInteger handled = new AtomicInteger();
        EventQueue q = track(EventQueue.builder("bad-handler").exceptionHandler((cause, event) -> {
            handled.incrementAndGet();
            throw new IllegalStateException("handler broke");
        }).build()).startLoop();
        Throwable failure = kind.equals("error") ? new AssertionError("task") : new IllegalStateException("task");
        for (int i = 0; i < 3; i++) {
            q.post(() -> sneakyThrow(failure));
            q.post(record("after" + i));
        }
        stopAndWait(q);
        assertEquals(3, handled.get());
        assertEquals(List.of("after0", "after1", "after2"), ran);
    }

    private static void sneakyThrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) t;
    }

    @Test
    void aTaskThatLeavesTheThreadInterruptedDoesNotKillTheLoop() throws Exception {
        EventQueue q = started();
        CountDownLatch interrupted = new CountDownLatch(1);
        q.post(() -> {
            // The usual "restore the flag" idiom after catching InterruptedException.
            Thread.currentThread().interrupt();
            interrupted.countDown();
        });
        QueueBlocker.await(interrupted);
        CompletableFuture<Boolean> flagSeenByNextTask = new CompletableFuture<>();
        // Either the flag leaks into this task, or the idle loop's wait throws and the loop ends.
        q.post(() -> flagSeenByNextTask.complete(Thread.currentThread().isInterrupted()));
        assertFalse(flagSeenByNextTask.get(5, TimeUnit.SECONDS), "the interrupt leaked into the next task");
        assertFalse(q.await(Duration.ofMillis(10)), "the loop ended");
        q.post(record("still running"));
        stopAndWait(q);
        assertEquals(List.of("still running"), ran);
    }

    @Test
    void aBoundedQueueRefusesWhenFull() throws Exception {
        EventQueue q = track(EventQueue.builder("bounded").capacity(2).build()).startLoop();
        QueueBlocker blocker = QueueBlocker.block(q);
        assertTrue(q.post(record("a")));
        assertTrue(q.post(record("b")));
        assertFalse(q.post(record("c")), "a full queue accepted a task");
        assertFalse(q.post(ev -> ran.add("d"), FakeSession.event("m")), "a full queue accepted an event");
        assertThrows(RejectedExecutionException.class, () -> q.execute(record("e")));
        assertEquals(2, q.pending());
        blocker.release();
        stopAndWait(q);
        assertEquals(List.of("a", "b"), ran);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void capacityMustBePositive(int capacity) {
        EventQueue.Builder b = EventQueue.builder("q");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.capacity(capacity));
        assertTrue(e.getMessage().contains(String.valueOf(capacity)), e.getMessage());
    }

    @Test
    void inLoopIsTrueOnlyOnTheQueueThread() throws Exception {
        EventQueue q = track(EventQueue.create("in-loop"));
        assertFalse(q.inLoop(), "inLoop before start");
        q.startLoop();
        assertFalse(q.inLoop(), "inLoop on the test thread");
        CompletableFuture<Boolean> inside = new CompletableFuture<>();
        q.post(() -> inside.complete(q.inLoop()));
        assertTrue(inside.get(5, TimeUnit.SECONDS));
    }

    @Test
    void executeThrowsRejectedExecutionAfterStop() throws Exception {
        EventQueue q = started();
        CountDownLatch executed = new CountDownLatch(1);
        q.execute(executed::countDown);
        QueueBlocker.await(executed);
        stopAndWait(q);
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> q.execute(() -> { }));
        assertTrue(e.getMessage().contains("test-queue"), e.getMessage());
    }

    @Test
    void closeFromInsideTheLoopDoesNotDeadlock() throws Exception {
        EventQueue q = started();
        CompletableFuture<Void> closeReturned = new CompletableFuture<>();
        q.post(() -> {
            q.close();
            closeReturned.complete(null);
        });
        q.post(record("posted before close"));
        closeReturned.get(5, TimeUnit.SECONDS);
        assertTrue(q.await(WAIT));
        assertEquals(List.of("posted before close"), ran);
    }

    @Test
    void closeFromOutsideWaitsForPostedTasks() {
        EventQueue q = started();
        AtomicInteger count = new AtomicInteger();
        for (int i = 0; i < 1000; i++) {
            q.post(count::incrementAndGet);
        }
        q.close();
        assertEquals(1000, count.get());
        assertFalse(q.post(count::incrementAndGet));
    }

    @Test
    void stopLoopIsIdempotent() throws Exception {
        EventQueue q = started();
        q.post(record("a"));
        CompletableFuture<Void> first = q.stopLoop();
        CompletableFuture<Void> second = q.stopLoop();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertTrue(q.stopLoop().isDone());
        assertEquals(List.of("a"), ran);
    }
}
