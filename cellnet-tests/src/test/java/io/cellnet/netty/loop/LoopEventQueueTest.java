package io.cellnet.netty.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.Event;
import io.cellnet.netty.LoopEventQueue;
import io.cellnet.netty.NettyQueues;
import io.cellnet.timer.TimerLoop;
import io.cellnet.timer.Timers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop queue on its own: tasks run on its event loop, one at a time in post order, a task posted
 * from a running task runs after it, timers run on the loop, failures go to the handler, and a stop
 * runs what was posted before and refuses the rest.
 */
class LoopEventQueueTest {
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<@Nullable Event> failedEvents = Collections.synchronizedList(new ArrayList<>());
    private final LoopEventQueue queue = NettyQueues.loop("loop-test", (cause, event) -> {
        failures.add(cause);
        failedEvents.add(event);
    });

    @AfterEach
    void stop() throws InterruptedException {
        queue.close();
        assertTrue(queue.await(Duration.ofSeconds(5)));
    }

    /** Runs {@code task} on the loop and waits for it. */
    private <T> T onLoop(Supplier<T> task) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        assertTrue(queue.post(() -> done.complete(task.get())));
        return done.get(5, TimeUnit.SECONDS);
    }

    @Test
    void tasksRunOnTheEventLoopThreadNamedAfterTheQueue() throws Exception {
        Thread t = onLoop(Thread::currentThread);
        assertEquals("loop-test", t.getName());
        assertTrue(onLoop(() -> queue.eventLoop().inEventLoop() && queue.inLoop()));
        assertFalse(queue.inLoop());
        assertSame(queue, queue.startLoop(), "startLoop does nothing: the loop runs from creation");
    }

    @Test
    void tasksOfSeveralThreadsRunOneAtATimeInEachThreadsOrder() throws Exception {
        int perThread = 2000;
        List<Integer> ran = new ArrayList<>();   // touched on the loop only
        int[] concurrent = new int[2];
        AtomicInteger refused = new AtomicInteger();
        List<Thread> posters = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int base = p * perThread;
            posters.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = base + i;
                    boolean accepted = queue.post(() -> {
                        concurrent[0]++;
                        concurrent[1] = Math.max(concurrent[1], concurrent[0]);
                        ran.add(n);
                        concurrent[0]--;
                    });
                    if (!accepted) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        posters.forEach(Thread::start);
        for (Thread t : posters) {
            t.join(10_000);
        }
        assertEquals(0, refused.get());
        List<Integer> seen = onLoop(() -> new ArrayList<>(ran));
        assertEquals(3 * perThread, seen.size());
        for (int p = 0; p < 3; p++) {
            int base = p * perThread;
            List<Integer> mine = seen.stream().filter(n -> n >= base && n < base + perThread).toList();
            for (int i = 0; i < perThread; i++) {
                assertEquals(base + i, mine.get(i), "thread " + p + "'s posts ran out of order");
            }
        }
        assertEquals(1, onLoop(() -> concurrent[1]), "tasks never overlap");
        assertEquals(0, queue.pending());
    }

    @Test
    void aTaskPostedByARunningTaskRunsAfterIt() throws Exception {
        List<String> order = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        queue.post(() -> {
            order.add("first starts");
            queue.post(() -> {
                order.add("posted from first");
                done.countDown();
            });
            order.add("first ends");
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("first starts", "first ends", "posted from first"), onLoop(() -> List.copyOf(order)));
    }

    @Test
    void aPostFromTheLoopOutsideAnyTaskRunsAtOnceWhenNothingWaits() throws Exception {
        // a Netty task on the loop (as a channel read is) that posts: nothing of the queue runs, so
        // the task runs inside the post
        CompletableFuture<List<String>> order = new CompletableFuture<>();
        queue.eventLoop().execute(() -> {
            List<String> o = new ArrayList<>();
            queue.post(() -> o.add("task"));
            o.add("after post");
            order.complete(o);
        });
        assertEquals(List.of("task", "after post"), order.get(5, TimeUnit.SECONDS));
    }

    @Test
    void timersAndTimerLoopsRunOnTheLoopItself() throws Exception {
        CompletableFuture<Thread> fired = new CompletableFuture<>();
        Timers.after(queue, Duration.ofMillis(5), () -> fired.complete(Thread.currentThread()));
        assertTrue(queue.eventLoop().inEventLoop(fired.get(5, TimeUnit.SECONDS)), fired.get().getName());

        CountDownLatch ticks = new CountDownLatch(3);
        AtomicReference<String> wrongThread = new AtomicReference<>();
        TimerLoop loop = new TimerLoop(queue, Duration.ofMillis(2), l -> {
            if (!queue.inLoop()) {
                wrongThread.set(Thread.currentThread().getName());
            }
            ticks.countDown();
        });
        loop.start();
        try {
            assertTrue(ticks.await(5, TimeUnit.SECONDS));
        } finally {
            loop.stop();
        }
        assertEquals(null, wrongThread.get());
    }

    @Test
    void aCancelledTimerDoesNotRun() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();
        assertTrue(Timers.after(queue, Duration.ofSeconds(30), () -> ran.complete("ran")).cancel());
        onLoop(() -> null);
        assertFalse(ran.isDone());
    }

    @Test
    void aFailingTaskGoesToTheHandlerAndTheLoopGoesOn() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        queue.post(() -> {
            throw boom;
        });
        assertEquals("next", onLoop(() -> "next"));
        assertEquals(List.of(boom), failures);
        assertEquals(Collections.singletonList(null), failedEvents);
    }

    @Test
    void stopRunsWhatWasPostedBeforeAndRefusesTheRest() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        queue.post(() -> {
            held.countDown();
            try {
                hold.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(held.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100; i++) {
            int n = i;
            assertTrue(queue.post(() -> ran.add(n)));
        }
        assertEquals(100, queue.pending(), "posted and not started");
        CompletableFuture<Void> stopped = queue.stopLoop();
        assertFalse(queue.post(() -> ran.add(-1)), "a post after the stop is refused");
        hold.countDown();
        stopped.get(5, TimeUnit.SECONDS);
        assertEquals(100, ran.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, ran.get(i));
        }
        assertTrue(queue.await(Duration.ZERO));
    }

    @Test
    void closeOnTheLoopItselfReturnsAtOnce() throws Exception {
        CompletableFuture<Boolean> returned = new CompletableFuture<>();
        queue.post(() -> {
            queue.close();
            returned.complete(true);
        });
        assertTrue(returned.get(5, TimeUnit.SECONDS));
        assertTrue(queue.await(Duration.ofSeconds(5)));
    }
}
