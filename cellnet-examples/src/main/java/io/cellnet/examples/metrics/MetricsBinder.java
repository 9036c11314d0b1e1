package io.cellnet.examples.metrics;

import io.cellnet.metrics.CellnetMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
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
     * cellnet's meters ({@code CellnetMetrics}) and Netty's allocator meters. Peers and queues ask
     * for their observer when they are built, and a command builds them before its endpoint starts,
     * so this binds at once, when called, into a composite registry; the endpoint's registry joins
     * that composite when the endpoint starts, and every meter made before then appears in it.
     * Call it before building the peers and queues to be counted.
     */
    static MetricsBinder cellnet() {
        CompositeMeterRegistry early = new CompositeMeterRegistry();
        AutoCloseable binding = CellnetMetrics.bind(early);
        CellnetMetrics.bindNetty(early);
        return registry -> {
            early.add(registry);
            return () -> {
                try {
                    binding.close();
                } finally {
                    early.remove(registry);
                    early.close();
                }
            };
        };
    }

    /** What the example servers bind: {@link #jvm()} and {@link #cellnet()} (bound at once: see there). */
    static MetricsBinder servers() {
        return jvm().and(cellnet());
    }
}
