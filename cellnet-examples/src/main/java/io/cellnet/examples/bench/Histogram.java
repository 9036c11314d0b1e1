package io.cellnet.examples.bench;

/**
 * A latency histogram with 1 µs buckets up to 10 ms and 100 µs buckets up to 10 s; percentiles
 * are bucket lower bounds.
 *
 * <p>Thread safety: not thread-safe; one per client thread, merged at the end.
 */
final class Histogram {
    private static final int FINE = 10_000;
    private static final int COARSE = 100_000;
    private final long[] fine = new long[FINE];
    private final long[] coarse = new long[COARSE];
    private long count;

    void record(long nanos) {
        long us = nanos / 1000;
        if (us < FINE) {
            fine[(int) us]++;
        } else {
            coarse[(int) Math.min(COARSE - 1, us / 100)]++;
        }
        count++;
    }

    void add(Histogram other) {
        for (int i = 0; i < FINE; i++) {
            fine[i] += other.fine[i];
        }
        for (int i = 0; i < COARSE; i++) {
            coarse[i] += other.coarse[i];
        }
        count += other.count;
    }

    long count() {
        return count;
    }

    /** The latency in µs below which {@code q} (0..1) of the samples lie. */
    long percentileMicros(double q) {
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < FINE; i++) {
            seen += fine[i];
            if (seen >= rank) {
                return i;
            }
        }
        for (int i = 0; i < COARSE; i++) {
            seen += coarse[i];
            if (seen >= rank) {
                return i * 100L;
            }
        }
        return COARSE * 100L;
    }
}
