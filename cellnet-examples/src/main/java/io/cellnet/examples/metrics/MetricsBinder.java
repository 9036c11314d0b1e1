package io.cellnet.examples.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.Objects;

/**
 * Binds meters to the registry of a {@link MetricsEndpoint}: the JVM's ({@link #jvm()}) and
 * cellnet's ({@link #cellnet()}, the single place where the cellnet meters are wired in).
 *
 * <p>Thread safety: called once, on the thread that starts the endpoint.
 */
@FunctionalInterface
public interface MetricsBinder {

    /**
     * Binds meters to {@code registry}.
     *
     * @return what to close when the endpoint closes (a binding that holds listeners or threads)
     */
    AutoCloseable bindTo(MeterRegistry registry) throws Exception;

    /** This binder, then {@code next}; closing the result closes both, {@code next}'s first. */
    default MetricsBinder and(MetricsBinder next) {
        Objects.requireNonNull(next, "next");
        return registry -> {
            AutoCloseable first = bindTo(registry);
            AutoCloseable second = next.bindTo(registry);
            return () -> {
                try {
                    second.close();
                } finally {
                    first.close();
                }
            };
        };
    }

    /** The JVM's meters: memory, GC, threads, class loading, processor (CPU) and uptime. */
    static MetricsBinder jvm() {
        return registry -> {
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(registry);
            return gc;
        };
    }

    /**
     * cellnet's meters: the seam for the cellnet-metrics module. Once that module is a dependency
     * of the examples, this reads {@code registry -> CellnetMetrics.bind(registry)} (and binds
     * Netty's event loop and allocator meters with {@code CellnetMetrics.bindNetty}); until then it
     * binds nothing.
     */
    static MetricsBinder cellnet() {
        return registry -> () -> { };
    }

    /** What the example servers bind: {@link #jvm()} and {@link #cellnet()}. */
    static MetricsBinder servers() {
        return jvm().and(cellnet());
    }
}
