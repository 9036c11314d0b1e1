package io.cellnet.metrics.internal;

import io.cellnet.observe.RpcObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The RPC meters: calls and latency by request type (opted-in types by name, the rest as
 * {@code other}), timeouts and late answers.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class RpcMeters implements RpcObserver {
    private final Counter calls;
    private final Timer latency;
    private final Map<Class<?>, Counter> callsByType;
    private final Map<Class<?>, Timer> latencyByType;
    private final Counter timeouts;
    private final Counter late;

    /** Registers the RPC meters in {@code registry}. */
    public RpcMeters(MeterRegistry registry, MessageTypes types) {
        calls = calls(registry, MessageTypes.OTHER);
        latency = latency(registry, MessageTypes.OTHER);
        callsByType = types.each(t -> calls(registry, t));
        latencyByType = types.each(t -> latency(registry, t));
        timeouts = Counter.builder("cellnet.rpc.timeouts").description("calls that timed out").register(registry);
        late = Counter.builder("cellnet.rpc.late").description("answers to calls nobody waits for (late or unknown)")
                .register(registry);
    }

    private static Counter calls(MeterRegistry registry, String message) {
        return Counter.builder("cellnet.rpc.calls").tag("message", message).description("RPC calls sent")
                .register(registry);
    }

    private static Timer latency(MeterRegistry registry, String message) {
        return Timer.builder("cellnet.rpc.latency").tag("message", message)
                .description("time from call to answer, failure or timeout").register(registry);
    }

    @Override
    public void called(Class<?> type) {
        callsByType.getOrDefault(type, calls).increment();
    }

    @Override
    public void completed(Class<?> type, long nanos, boolean timedOut) {
        latencyByType.getOrDefault(type, latency).record(nanos, TimeUnit.NANOSECONDS);
        if (timedOut) {
            timeouts.increment();
        }
    }

    @Override
    public void lateAnswer() {
        late.increment();
    }
}
