package io.cellnet.netty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Holds a thread mid-transition: {@link #block()} (run on the thread to hold, from a task, a
 * callback or a pipeline configurer) waits until {@link #release()}, bounded so that a failing test
 * never hangs. {@link #close()} releases.
 */
public final class Hold implements AutoCloseable {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** A hold of {@code executor}'s thread (an event loop), entered once the task runs. */
    public static Hold on(Executor executor) {
        Hold h = new Hold();
        executor.execute(h::block);
        h.awaitEntered();
        return h;
    }

    /** Blocks the calling thread until released (at most 10 s). */
    public void block() {
        entered.countDown();
        try {
            released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a thread is held. */
    public void awaitEntered() {
        try {
            assertTrue(entered.await(5, TimeUnit.SECONDS), "the hold was not reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
    }
}
