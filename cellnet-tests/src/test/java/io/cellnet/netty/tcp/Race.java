package io.cellnet.netty.tcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;

/**
 * Runs lifecycle calls from several threads at once (released together by a start gate) and waits
 * for them with a bound. {@link #close()} ends the threads.
 */
final class Race implements AutoCloseable {
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * Starts {@code n} threads that call {@code op.apply(i)} together; returns each call's result
     * future (the call's own future, or completed when a blocking call returns).
     */
    List<CompletableFuture<?>> run(int n, IntFunction<CompletableFuture<?>> op) {
        CountDownLatch gate = new CountDownLatch(1);
        List<CompletableFuture<?>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            results.add(CompletableFuture.supplyAsync(() -> {
                pass(gate);
                CompletableFuture<?> f = op.apply(index);
                calls.incrementAndGet();
                return f;
            }, threads).thenCompose(f -> f));
        }
        gate.countDown();
        return results;
    }

    /** Waits until {@code n} calls have returned (a blocking call counts once it returns). */
    void awaitCalls(int n) {
        Awaitility.await("racing calls").atMost(Duration.ofSeconds(5)).until(() -> calls.get() >= n);
    }

    /** Waits for every future, at most 10 s in all. */
    static void join(List<CompletableFuture<?>> futures) {
        join(futures, Duration.ofSeconds(10));
    }

    /** Waits for every future, at most {@code bound} in all. */
    static void join(List<CompletableFuture<?>> futures, Duration bound) {
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private static void pass(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
