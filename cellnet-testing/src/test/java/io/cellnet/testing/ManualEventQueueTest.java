package io.cellnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.Event;
import io.cellnet.EventQueue;
import io.cellnet.RecvMsgEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The manual queue keeps the {@link EventQueue} contract with the test as its consumer. */
class ManualEventQueueTest {
    private final List<String> ran = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final ManualEventQueue queue = new ManualEventQueue("q", (cause, ev) -> failures.add(new Failure(cause, ev)));

    private record Failure(Throwable cause, @Nullable Event event) {
    }

    private Runnable record(String name) {
        return () -> ran.add(name);
    }

    @Test
    void nothingRunsUntilTheTestRunsItThenOneAtATimeInPostOrder() {
        queue.startLoop();
        queue.post(record("a"));
        queue.post(ev -> ran.add("b:" + ev.message()), FakeSession.event("m"));
        queue.post(record("c"));
        assertEquals(List.of(), ran);
        assertEquals(3, queue.pending());
        assertTrue(queue.runOne());
        assertEquals(List.of("a"), ran);
        assertEquals(2, queue.pending());
        assertEquals(2, queue.runAll());
        assertEquals(List.of("a", "b:m", "c"), ran);
        assertFalse(queue.runOne());
        assertEquals(0, queue.runAll());
    }

    @Test
    void runAllRunsTasksPostedByTasksAfterThoseAlreadyWaiting() {
        queue.post(() -> {
            ran.add("outer");
            queue.post(record("inner"));
        });
        queue.post(record("second"));
        assertEquals(3, queue.runAll());
        assertEquals(List.of("outer", "second", "inner"), ran);
    }

    @Test
    void aTaskThatRepostsItselfForeverIsReportedNotLoopedOn() {
        Runnable[] self = new Runnable[1];
        self[0] = () -> queue.post(self[0]);
        queue.post(self[0]);
        IllegalStateException e = assertThrows(IllegalStateException.class, queue::runAll);
        assertTrue(e.getMessage().contains("repost"), e.getMessage());
    }

    @Test
    void exceptionsGoToTheHandlerWithTheEventAndTheNextTaskRuns() {
        IllegalStateException boom = new IllegalStateException("boom");
        RecvMsgEvent event = FakeSession.event("m");
        queue.post(() -> {
            throw boom;
        });
        queue.post(ev -> {
            throw boom;
        }, event);
        queue.post(record("after"));
        assertEquals(3, queue.runAll());
        assertEquals(List.of(new Failure(boom, null), new Failure(boom, event)), failures);
        assertEquals(List.of("after"), ran);
    }

    @Test
    void aThrowingHandlerIsLoggedAndTheQueueGoesOn() {
        ManualEventQueue q = new ManualEventQueue("bad-handler", (cause, ev) -> {
            throw new IllegalStateException("handler");
        });
        q.post(() -> {
            throw new IllegalStateException("task");
        });
        q.post(record("after"));
        assertEquals(2, q.runAll());
        assertEquals(List.of("after"), ran);
    }

    @Test
    void stopRefusesLaterPostsAndCompletesOnceTheTestRanWhatCameBefore() throws Exception {
        queue.post(record("before"));
        CompletableFuture<Void> stopped = queue.stopLoop();
        assertFalse(queue.post(record("late")));
        assertFalse(queue.post(ev -> ran.add("late event"), FakeSession.event("m")));
        assertThrows(RejectedExecutionException.class, () -> queue.execute(record("late execute")));
        assertFalse(stopped.isDone(), "stopped with a task still waiting");
        assertFalse(queue.await(Duration.ZERO));
        queue.runAll();
        assertTrue(stopped.isDone());
        assertTrue(queue.await(Duration.ZERO));
        assertEquals(List.of("before"), ran);
        assertTrue(queue.isStopped());
        assertTrue(queue.stopLoop().isDone(), "a second stop is not done");
    }

    @Test
    void stopOnAnEmptyQueueCompletesAtOnce() {
        assertTrue(queue.stopLoop().isDone());
        assertFalse(queue.isStarted());
    }

    @Test
    void closeStopsAndRunsWhatIsLeftOnTheCallingThread() {
        queue.post(() -> ran.add("on " + Thread.currentThread().getName()));
        queue.close();
        assertEquals(List.of("on " + Thread.currentThread().getName()), ran);
        assertFalse(queue.post(record("late")));
    }

    @Test
    void inLoopIsTrueOnlyInsideARunningTask() {
        List<Boolean> inside = new ArrayList<>();
        queue.post(() -> inside.add(queue.inLoop()));
        assertFalse(queue.inLoop());
        queue.runAll();
        assertEquals(List.of(true), inside);
        assertFalse(queue.inLoop());
    }

    @Test
    void postsFromAnotherThreadAreRunOnTheTestThread() throws Exception {
        List<String> threads = new ArrayList<>();
        Thread poster = new Thread(() -> queue.post(() -> threads.add(Thread.currentThread().getName())), "poster");
        poster.start();
        poster.join(5_000);
        assertFalse(poster.isAlive());
        assertEquals(1, queue.runAll());
        assertEquals(List.of(Thread.currentThread().getName()), threads);
    }

    @Test
    void nameAndDefaults() {
        ManualEventQueue q = new ManualEventQueue();
        assertEquals("manual", q.name());
        assertSame(q, q.startLoop());
        assertTrue(q.isStarted());
        assertTrue(q.toString().contains("pending=0"), q.toString());
        q.post(() -> {
            throw new IllegalStateException("logged by the default handler, not thrown");
        });
        assertEquals(1, q.runAll());
        assertEquals(0, q.pending());
    }
}
