package io.cellnet.examples.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Sums the bytes allocated and the CPU time used by the threads whose names start with given
 * prefixes (the server's threads), using HotSpot's per-thread counters.
 *
 * <p>Thread safety: stateless apart from the JVM's counters; call from any thread.
 */
final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final List<String> prefixes;

    AllocationMeter(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    /** CPU time, in nanoseconds, the matching live threads have used so far. */
    long cpuNanos() {
        return sum(THREADS::getThreadCpuTime);
    }

    /** Bytes allocated so far by the matching live threads. */
    long allocatedBytes() {
        return sum(THREADS::getThreadAllocatedBytes);
    }

    /** The sum of {@code counter} (by thread id; negative: unknown) over the matching live threads. */
    private long sum(LongUnaryOperator counter) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (prefixes.stream().anyMatch(p -> t.getName().startsWith(p))) {
                long n = counter.applyAsLong(t.getId());
                if (n > 0) {
                    sum += n;
                }
            }
        }
        return sum;
    }
}
