package io.cellnet.metrics.internal;

import io.cellnet.observe.MeshObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mesh meters, by service: instances known, discovery changes, routing failures.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class MeshMeters implements MeshObserver {
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();
    private final Map<String, Counter> changes = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    /** Mesh meters in {@code registry}, registered as services appear. */
    public MeshMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void discoveryChanged(String service, String change, int known) {
        instances.computeIfAbsent(service, s -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder("cellnet.mesh.instances", n, AtomicInteger::get).tag("service", s)
                    .description("instances of the service the discovery knows").register(registry);
            return n;
        }).set(known);
        changes.computeIfAbsent(service + '\n' + change, k -> Counter.builder("cellnet.mesh.discovery.changes")
                .tag("service", service).tag("change", change).description("instances added, removed or updated")
                .register(registry)).increment();
    }

    @Override
    public void routingFailed(String service) {
        String s = service.isEmpty() ? "none" : service;
        failures.computeIfAbsent(s, k -> Counter.builder("cellnet.mesh.routing.failures").tag("service", k)
                .description("messages that could not be routed").register(registry)).increment();
    }
}
