package io.cellnet.examples.jmh;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every benchmark here shares, inherited as JMH reads its annotations from the
 * superclass: one fork, 3 warm-up and 5 measured iterations of one second each. A benchmark adds
 * its own state scope, mode and time unit.
 *
 * <p>Thread safety: holds no state.
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
abstract class BenchmarkDefaults {
}
