package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.testing.FakeSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many producers, one consumer: nothing lost, and each producer's tasks run in its posting order. */
class EventQueueStressTest {
    private static final int THREADS = 8;
    private static final int TOTAL = 1_000_000;
    private static final int PER_THREAD = TOTAL / THREADS;

    /** The message of the callback-delivered half of the tasks. */
    private record Seq(int thread, int seq) {
    }

    /** Checks per-thread sequence numbers; touched only on the queue thread. */
    private static final class SequenceChecker {
        final int[] last = new int[THREADS];
        long ran;
        long outOfOrder;

        SequenceChecker() {
            Arrays.fill(last, -1);
        }

        void record(int thread, int seq) {
            if (seq != last[thread] + 1) {
                outOfOrder++;
            }
            last[thread] = seq;
            ran++;
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eightThreadsPostAMillionTasksWithoutLossInPerThreadOrder() throws Exception {
        EventQueue queue = EventQueue.create("stress").startLoop();
        SequenceChecker checker = new SequenceChecker();
        EventCallback callback = ev -> {
            Seq s = (Seq) ev.message();
            checker.record(s.thread(), s.seq());
        };
        Session session = new FakeSession(1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> refused = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                refused.add(pool.submit(() -> {
                    go.await();
                    int n = 0;
                    for (int seq = 0; seq < PER_THREAD; seq++) {
                        int s = seq;
                        // Alternate both post forms: they share one ordered stream.
                        boolean ok = (seq & 1) == 0
                                ? queue.post(() -> checker.record(thread, s))
                                : queue.post(callback, new RecvMsgEvent(session, new Seq(thread, s)));
                        n += ok ? 0 : 1;
                    }
                    return n;
                }));
            }
            go.countDown();
            for (Future<Integer> f : refused) {
                assertEquals(0, f.get(30, TimeUnit.SECONDS), "a post was refused");
            }
            queue.stopLoop().get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(TOTAL, checker.ran, "tasks lost");
        assertEquals(0, checker.outOfOrder, "tasks of one thread ran out of posting order");
        for (int t = 0; t < THREADS; t++) {
            assertEquals(PER_THREAD - 1, checker.last[t], "last sequence number of thread " + t);
        }
        assertEquals(0, queue.pending());
        assertTrue(queue.await(java.time.Duration.ZERO));
    }
}
