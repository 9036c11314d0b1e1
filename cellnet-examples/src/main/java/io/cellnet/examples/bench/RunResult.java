package io.cellnet.examples.bench;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one benchmark run.
 *
 * <p>Thread safety: immutable, but for the histogram, which is not changed after the run.
 *
 * @param spec            what was run
 * @param msgsPerSecond   echoes per second in the measured window
 * @param p50             median latency, µs
 * @param p99             99th percentile, µs
 * @param p999            99.9th percentile, µs
 * @param allocPerMessage bytes the server's threads allocated per echoed message (-1 if unknown)
 * @param cpuPerMessage   server CPU time per echoed message, ns (-1 if unknown; see {@link EchoServer#cpuNanos})
 * @param latency         every latency of the window, µs
 * @param failure         why the run failed, or {@code null}
 */
record RunResult(BenchSpec spec, double msgsPerSecond, double p50, double p99, double p999, double allocPerMessage,
        double cpuPerMessage, Histogram latency, @Nullable String failure) {

    String line() {
        return String.format("RESULT target=%s server=%s mode=%s conns=%d window=%d msgs_per_s=%.0f p50_us=%.0f"
                        + " p99_us=%.0f p999_us=%.0f alloc_b_per_msg=%.1f cpu_ns_per_msg=%.0f", spec.target(),
                spec.serverPlace(), spec.mode(), spec.conns(), spec.window(), msgsPerSecond, p50, p99, p999,
                allocPerMessage, cpuPerMessage);
    }
}
