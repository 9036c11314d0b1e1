package io.cellnet.metrics.internal;

import io.cellnet.observe.QueueObserver;
import io.cellnet.observe.QueueTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The meters of one event queue (tag {@code queue}): pending tasks, the time from post to run (with
 * percentiles and a histogram) and task run time of one task in {@link #timingInterval()}, and
 * exceptions.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class QueueMeters implements QueueObserver {
    private final Timer delay;
    private final Timer run;
    private final Counter exceptions;
    private final int timingInterval;

    /** Registers the meters of {@code queue} in {@code registry}; times one task in {@code timingInterval}. */
    public QueueMeters(MeterRegistry registry, QueueTags queue, int timingInterval) {
        this.timingInterval = timingInterval;
        Tags tags = Tags.of("queue", queue.name());
        // strong: the supplier is the queue's method reference, held by nothing else
        Gauge.builder("cellnet.queue.pending", queue.pending(), IntSupplier::getAsInt).tags(tags).strongReference(true)
                .description("tasks posted and not yet run").register(registry);
        delay = Timer.builder("cellnet.queue.delay").tags(tags).publishPercentiles(0.5, 0.9, 0.99)
                .publishPercentileHistogram().description("time from post to run").register(registry);
        run = Timer.builder("cellnet.queue.run").tags(tags).description("task run time").register(registry);
        exceptions = Counter.builder("cellnet.queue.exceptions").tags(tags).description("tasks that threw")
                .register(registry);
    }

    @Override
    public int timingInterval() {
        return timingInterval;
    }

    @Override
    public void started(long delayNanos) {
        delay.record(delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void finished(long runNanos) {
        run.record(runNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed() {
        exceptions.increment();
    }
}
