package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds an event queue's thread inside one task until released, so that a test can post behind
 * it and observe the queue mid-flight. Waits are bounded.
 */
public final class QueueBlocker {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private QueueBlocker() {
    }

    /** Posts a blocking task to {@code queue} and waits until the queue thread is inside it. */
    public static QueueBlocker block(EventQueue queue) {
        QueueBlocker b = post(queue);
        b.awaitEntered();
        return b;
    }

    /** Posts a blocking task to {@code queue} without waiting for it to start. */
    public static QueueBlocker post(EventQueue queue) {
        QueueBlocker b = new QueueBlocker();
        assertTrue(queue.post(b::hold), "blocker refused");
        return b;
    }

    /** Waits (bounded) until the queue thread is inside the blocking task. */
    public void awaitEntered() {
        await(entered);
    }

    /** Lets the blocking task return. */
    public void release() {
        release.countDown();
    }

    private void hold() {
        entered.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code latch} at most 5 seconds and fails the test when it does not open. */
    public static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS), "timed out waiting for a latch");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
