package io.cellnet.examples.jmh;

import io.cellnet.EventQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Posting to the default {@link EventQueue} from 1 and 4 producer threads while its consumer
 * drains; reports post throughput (the consumer keeps up or the queue grows, which the
 * {@code pending} check at tear-down reports).
 *
 * <p>Thread safety: JMH state shared by the producer threads; the queue is thread-safe.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventQueueBenchmark extends BenchmarkDefaults {
    private EventQueue queue;
    private final LongAdder ran = new LongAdder();
    private Runnable task;

    @Setup(Level.Trial)
    public void setUp() {
        queue = EventQueue.create("jmh-queue").startLoop();
        task = ran::increment;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        queue.close();
    }

    @Benchmark
    @Threads(1)
    public boolean postOneProducer() {
        return queue.post(task);
    }

    @Benchmark
    @Threads(4)
    public boolean postFourProducers() {
        return queue.post(task);
    }
}
