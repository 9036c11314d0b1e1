package io.cellnet.mesh;

import io.cellnet.EventQueue;
import io.cellnet.SessionAccessor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a node's load through its {@link Registration} at a set interval (cellmesh's demo sends
 * {@code SvcStatusACK} to its hub every 3 s). {@link #of} measures the usual figures: open sessions,
 * queue depth and a value of the application's own.
 *
 * <p>Thread safety: {@link #close()} may be called from any thread; the load supplier runs on the
 * publisher's own daemon thread.
 */
public final class LoadPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoadPublisher.class);
    private final ScheduledExecutorService timer;

    private LoadPublisher(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Publishes {@code load.get()} through {@code registration} now and every {@code interval}. */
    public static LoadPublisher start(Registration registration, Duration interval, Supplier<ServiceLoad> load) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(load, "load");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cellnet-mesh-load " + registration.instance().id());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                registration.updateLoad(load.get());
            } catch (RuntimeException e) {
                log.warn("{}: cannot publish load: {}", registration.instance().id(), e.toString());
            }
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return new LoadPublisher(timer);
    }

    /** The load of a node: {@code sessions.sessionCount()}, {@code queue.pending()} and {@code user}. */
    public static Supplier<ServiceLoad> of(SessionAccessor sessions, EventQueue queue, LongSupplier user) {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(user, "user");
        return () -> new ServiceLoad(sessions.sessionCount(), queue.pending(), user.getAsLong());
    }

    /** Stops publishing. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
