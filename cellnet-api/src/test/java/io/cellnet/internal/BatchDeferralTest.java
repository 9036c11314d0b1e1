package io.cellnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Work put off by a queue task runs when the batch ends, every 256 tasks of a long batch, or from
 * the watchdog when a blocked batch holds it; only a task of the queue itself can put work off.
 */
class BatchDeferralTest {
    /** A bound the watchdog never reaches within a test. */
    private static final long NEVER = TimeUnit.HOURS.toNanos(1);

    @Test
    void heldWorkRunsWhenTheBatchEnds() {
        List<String> order = new ArrayList<>();
        BatchDeferral d = new BatchDeferral("batch-end", NEVER);
        try {
            d.startBatch();
            order.add("task 1");
            assertTrue(d.defer(() -> order.add("deferred")));
            d.afterTask(1);
            order.add("task 2");
            d.afterTask(2);
            d.endBatch();
            assertEquals(List.of("task 1", "task 2", "deferred"), order);
        } finally {
            d.close();
        }
    }

    @Test
    void aQueueRunsWhatItsTasksPutOff() throws Exception {
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Boolean> deferred = new CompletableFuture<>();
        EventQueue q = EventQueue.create("defer-test");
        q.post(() -> {
            order.add("task 1");
            deferred.complete(q.deferToBatchEnd(() -> order.add("deferred")));
        });
        q.post(() -> order.add("task 2"));
        q.startLoop();
        try {
            assertTrue(deferred.get(5, TimeUnit.SECONDS), "a task of the queue puts work off");
            assertTrue(q.stopLoop().thenApply(v -> true).get(5, TimeUnit.SECONDS));
            // at the batch's end, or earlier from the watchdog if the batch took over a millisecond
            assertEquals(3, order.size());
            assertTrue(order.indexOf("task 1") < order.indexOf("deferred"), order.toString());
        } finally {
            q.close();
        }
    }

    @Test
    void aLongBatchRunsItsHeldWorkEvery256Tasks() {
        List<Integer> ranAfter = new ArrayList<>();
        BatchDeferral d = new BatchDeferral("long-batch", NEVER);
        try {
            d.startBatch();
            assertTrue(d.defer(() -> ranAfter.add(1)));
            for (int task = 1; task <= 256; task++) {
                assertEquals(List.of(), ranAfter, "before the end of task " + task);
                d.afterTask(task);
            }
            assertEquals(List.of(1), ranAfter);
            assertTrue(d.defer(() -> ranAfter.add(2)));
            d.afterTask(257);
            assertEquals(List.of(1), ranAfter);
            d.endBatch();
            assertEquals(List.of(1, 2), ranAfter);
            assertEquals(0, d.heldSince(), "nothing held after the batch");
        } finally {
            d.close();
        }
    }

    @Test
    void outsideABatchNothingIsPutOff() {
        BatchDeferral d = new BatchDeferral("no-batch", NEVER);
        assertFalse(d.defer(() -> { }));
        d.startBatch();
        d.endBatch();
        assertFalse(d.defer(() -> { }));
    }

    @Test
    void onlyATaskOfTheQueueItselfPutsWorkOff() throws Exception {
        EventQueue q = EventQueue.create("defer-owner").startLoop();
        EventQueue other = EventQueue.create("defer-other").startLoop();
        try {
            assertFalse(q.deferToBatchEnd(() -> { }), "the test thread");
            assertFalse(EventQueue.direct().deferToBatchEnd(() -> { }), "a direct queue");
            CompletableFuture<Boolean> fromOther = new CompletableFuture<>();
            other.post(() -> fromOther.complete(q.deferToBatchEnd(() -> { })));
            assertFalse(fromOther.get(5, TimeUnit.SECONDS), "a task of another queue");
        } finally {
            q.close();
            other.close();
        }
    }

    @Test
    void aTaskThatBlocksAfterDeferringDoesNotHoldTheWorkBack() throws Exception {
        // the deferred work is what releases the task: without the watchdog it would wait in vain
        EventQueue q = EventQueue.create("defer-blocked").startLoop();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        try {
            q.post(() -> {
                CountDownLatch released = new CountDownLatch(1);
                q.deferToBatchEnd(released::countDown);
                try {
                    outcome.complete(released.await(5, TimeUnit.SECONDS) ? "released" : "held back");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcome.complete("interrupted");
                }
            });
            assertEquals("released", outcome.get(10, TimeUnit.SECONDS));
        } finally {
            q.close();
        }
    }

    @Test
    void theWatchdogRunsHeldWorkOnceFromItsOwnThread() throws Exception {
        List<String> ranOn = new ArrayList<>();
        BatchDeferral d = new BatchDeferral("watched", TimeUnit.MILLISECONDS.toNanos(1));
        CountDownLatch ran = new CountDownLatch(1);
        try {
            d.startBatch();
            assertTrue(d.defer(() -> {
                synchronized (ranOn) {
                    ranOn.add(Thread.currentThread().getName());
                }
                ran.countDown();
            }));
            assertTrue(ran.await(5, TimeUnit.SECONDS), "the watchdog ran the held work");
            d.endBatch();
            synchronized (ranOn) {
                assertEquals(List.of("cellnet-queue-watchdog"), ranOn);
            }
        } finally {
            d.close();
        }
    }
}
