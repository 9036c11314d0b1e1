package io.cellnet.examples.rpc;

import io.cellnet.examples.rpc.RpcMessages.AddACK;
import io.cellnet.examples.rpc.RpcMessages.AddREQ;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The calls of one {@code rpc-client} mode: checks each answer, prints each round trip, and the
 * summary ({@code OK mode=M n=N avg_us=A max_us=X}) or the first failure ({@code FAIL: reason}).
 *
 * <p>Thread safety: {@link #done} may be called from any thread (the async callbacks run on the
 * client's queue); {@link #report} after every call is done.
 */
final class RoundTrips {
    private final String mode;
    private final int count;
    private final PrintStream out;
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicReference<@Nullable String> failure = new AtomicReference<>();

    RoundTrips(String mode, int count, PrintStream out) {
        this.mode = mode;
        this.count = count;
        this.out = out;
    }

    /** The request of call {@code i}. */
    static AddREQ request(int i) {
        return new AddREQ(i, i * 10);
    }

    int count() {
        return count;
    }

    /** Call {@code i}, sent at {@code startNanos}, ended with {@code reply} or {@code error}. */
    void done(int i, AddREQ req, @Nullable Object reply, @Nullable Throwable error, long startNanos) {
        long rtt = System.nanoTime() - startNanos;
        if (!(reply instanceof AddACK ack)) {
            fail(mode + " call " + i + " failed: " + (error != null ? error : reply));
            return;
        }
        if (ack.Sum() != req.A() + req.B()) {
            fail(mode + " call " + i + ": " + req.A() + "+" + req.B() + " answered " + ack.Sum());
            return;
        }
        totalNanos.addAndGet(rtt);
        maxNanos.accumulateAndGet(rtt, Math::max);
        out.printf("%s #%d: %d+%d=%d rtt_us=%d%n", mode, i, req.A(), req.B(), ack.Sum(), rtt / 1000);
    }

    /** {@code true} once a call failed. */
    boolean failed() {
        return failure.get() != null;
    }

    /** Records {@code reason} unless a failure is already recorded. */
    void fail(String reason) {
        failure.compareAndSet(null, reason);
    }

    /** Prints the summary or the failure; {@code true} when every call succeeded. */
    boolean report() {
        String f = failure.get();
        if (f != null) {
            out.println("FAIL: " + f);
            return false;
        }
        out.printf("OK mode=%s n=%d avg_us=%d max_us=%d%n", mode, count, totalNanos.get() / count / 1000,
                maxNanos.get() / 1000);
        return true;
    }
}
