package io.cellnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work put off by a queue task runs when the batch ends, after 256 tasks, or on flushSends(). */
class QueueThreadTest {

    @Test
    void deferredWorkRunsWhenTheBatchEnds() throws Exception {
        List<String> order = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        EventQueue q = EventQueue.create("defer-test");
        q.post(() -> {
            assertTrue(QueueThread.defer(() -> order.add("deferred")));
            order.add("task 1");
        });
        q.post(() -> order.add("task 2"));
        q.post(done::countDown);
        q.startLoop();
        try {
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertTrue(q.stopLoop().thenApply(v -> true).get(5, TimeUnit.SECONDS));
            assertEquals(List.of("task 1", "task 2", "deferred"), order);
        } finally {
            q.close();
        }
    }

    @Test
    void flushSendsRunsItAtOnceAndLongBatchesRunItEvery256Tasks() throws Exception {
        List<Integer> ranAfter = new ArrayList<>();
        int[] tasks = new int[1];
        EventQueue q = EventQueue.create("defer-test");
        q.post(() -> {
            QueueThread.defer(() -> ranAfter.add(tasks[0]));
            EventQueue.flushSends();
            ranAfter.add(-1);
        });
        q.post(() -> QueueThread.defer(() -> ranAfter.add(tasks[0])));
        for (int i = 0; i < 300; i++) {
            q.post(() -> tasks[0]++);
        }
        q.startLoop();
        try {
            assertTrue(q.stopLoop().thenApply(v -> true).get(5, TimeUnit.SECONDS));
            // the first ran before its task went on; the second after 256 tasks of the batch
            assertEquals(List.of(0, -1, 254), ranAfter);
        } finally {
            q.close();
        }
    }

    @Test
    void otherThreadsNeverDefer() {
        List<String> ran = new ArrayList<>();
        assertFalse(QueueThread.defer(() -> ran.add("x")));
        EventQueue.flushSends();
        assertEquals(List.of(), ran);
    }
}
