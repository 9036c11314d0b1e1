package io.cellnet.netty.internal;

import io.cellnet.EventQueue;
import io.cellnet.timer.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warns once when a peer's events wait on an {@link EventQueue} that was never started (a queue
 * built with {@code EventQueue.create(name)} and never given {@code startLoop()}): events would
 * pile up with no sign. The peer's first event arms it; when the queue is still not started after
 * a grace period (a program may start its queue just after its peers), one WARN names the queue and
 * the peer.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class QueueStartCheck {
    /** How long the first event may wait on a queue that is not started before the warning. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private final AtomicBoolean armed = new AtomicBoolean(true);
    private final EventQueue queue;
    private final String peerName;
    private final Scheduler scheduler;
    private final Duration grace;

    /** A check of {@code queue}, the queue of peer {@code peerName}, timed by {@code scheduler}. */
    public QueueStartCheck(EventQueue queue, String peerName, Scheduler scheduler, Duration grace) {
        this.queue = queue;
        this.peerName = peerName;
        this.scheduler = scheduler;
        this.grace = grace;
    }

    /** An event was posted: the first one starts the check. Cheap after that. */
    public void posted() {
        if (armed.get() && armed.compareAndSet(true, false) && !queue.isStarted()) {
            scheduler.schedule(this::check, grace);
        }
    }

    private void check() {
        if (!queue.isStarted()) {
            PeerShell.log.warn("event queue '{}' of peer '{}' was never started: its events wait there ({} now);"
                    + " call queue.startLoop(), or build the peer with EventQueue.direct()", queue.name(), peerName,
                    queue.pending());
        }
    }
}
