package io.cellnet.examples.bench;

import java.lang.management.ManagementFactory;
import java.util.List;

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
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (prefixes.stream().anyMatch(p -> t.getName().startsWith(p))) {
                long n = THREADS.getThreadCpuTime(t.getId());
                if (n > 0) {
                    sum += n;
                }
            }
        }
        return sum;
    }

    /** Bytes allocated so far by the matching live threads. */
    long allocatedBytes() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (prefixes.stream().anyMatch(p -> t.getName().startsWith(p))) {
                long b = THREADS.getThreadAllocatedBytes(t.getId());
                if (b > 0) {
                    sum += b;
                }
            }
        }
        return sum;
    }
}
