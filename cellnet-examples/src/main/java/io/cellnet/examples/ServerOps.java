package io.cellnet.examples;

import io.cellnet.DrainHook;
import io.cellnet.examples.metrics.MetricsBinder;
import io.cellnet.examples.metrics.MetricsEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations options every example server takes: {@code --metrics HOST:PORT} (serve
 * {@code /metrics} and {@code /health} there) and {@code --drain SECONDS} (on SIGTERM, drain the
 * acceptors for at most that long before stopping), with the drain hook and the meters' binder the
 * command uses.
 *
 * <p>Thread safety: immutable.
 *
 * @param metrics   where to serve {@code /metrics}, empty for nowhere
 * @param drain     how long sessions get to leave on SIGTERM; {@link Duration#ZERO} for no drain
 * @param drainHook what each session is told when the drain starts
 * @param binder    what is bound to the endpoint's registry
 */
public record ServerOps(Optional<String> metrics, Duration drain, DrainHook drainHook, MetricsBinder binder) {
    /** {@code --metrics HOST:PORT}. */
    public static final Option METRICS = Option.of("metrics", "HOST:PORT", "",
            "serve Prometheus /metrics and /health there (port 0 for any free port); prints METRICS URL");
    /** {@code --drain SECONDS}. */
    public static final Option DRAIN = Option.of("drain", "SECONDS", "0",
            "on SIGTERM: /health answers 503, the listener closes, sessions get this long to leave, then close");
    /** No endpoint, no drain. */
    public static final ServerOps NONE = new ServerOps(Optional.empty(), Duration.ZERO, DrainHook.NONE,
            MetricsBinder.jvm());
    private static final Logger log = LoggerFactory.getLogger(ServerOps.class);

    /** Checks the arguments. */
    public ServerOps {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(drain, "drain");
        Objects.requireNonNull(drainHook, "drainHook");
        Objects.requireNonNull(binder, "binder");
        if (drain.isNegative()) {
            throw new IllegalArgumentException("drain must be >= 0: " + drain);
        }
    }

    /**
     * The options as given to a command whose usage lists {@link #METRICS} and {@link #DRAIN}; the hook only logs.
     * With {@code --metrics}, cellnet's meters are bound here (see {@link MetricsBinder#cellnet()}):
     * call this before building the command's queue and peers.
     *
     * @throws IllegalArgumentException for a malformed {@code --metrics} or a negative {@code --drain}
     */
    public static ServerOps of(Args args) {
        String metrics = args.get(METRICS, v -> v.isEmpty() ? v : Transport.TCP.checkAddress(v));
        int drainSeconds = args.getInt(DRAIN, 0);
        DrainHook hook = session -> log.debug("draining: session {} told", session.id());
        return new ServerOps(metrics.isEmpty() ? Optional.empty() : Optional.of(metrics),
                Duration.ofSeconds(drainSeconds), hook, metrics.isEmpty() ? MetricsBinder.jvm() : MetricsBinder.servers());
    }

    /** These options with {@code hook} told to each session when the drain starts. */
    public ServerOps withDrainHook(DrainHook hook) {
        return new ServerOps(metrics, drain, hook, binder);
    }

    /**
     * Starts the metrics endpoint at {@code --metrics}, or nothing without it.
     *
     * @return the endpoint, {@code null} without {@code --metrics}
     * @throws IOException when the address cannot be bound (the command fails with it)
     */
    public @Nullable MetricsEndpoint startMetrics() throws IOException {
        return metrics.isPresent() ? MetricsEndpoint.start(metrics.get(), binder) : null;
    }

    /** {@code true} when SIGTERM drains before stopping. */
    public boolean drains() {
        return !drain.isZero();
    }
}
