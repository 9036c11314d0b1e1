package io.cellnet.netty.internal.stream;

import io.cellnet.ReconnectPolicy;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettyFutures;
import io.cellnet.netty.internal.SessionHandler;
import io.cellnet.timer.Scheduler;
import io.cellnet.timer.TimerHandle;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The one home of a connector's reconnects (the shape of Lettuce's {@code ConnectionWatchdog}):
 * it owns the attempts, the run generation, the pending timer and the connection, and asks its
 * {@link ReconnectPolicy} when to dial again after a failed attempt or a lost connection.
 *
 * <p>Reconnects are scheduled, never slept. Each {@link #start} and {@link #stop} begins a new
 * generation, and whatever an older generation still has in flight (a connect, a timer) is
 * discarded when it completes, so a stop is prompt in every state (but for the graceful close of
 * a connected session, bounded by the close timeout) and nothing starts after it. A stop also
 * waits for a connect call in progress: a timer that already runs cannot be cancelled, and its
 * channel must not land on an event loop that has shut down, where nothing could close it.
 *
 * <p>Thread safety: every method may be called from any thread; state changes under its lock,
 * dialing and reporting happen outside it.
 */
public final class ReconnectWatchdog {
    private static final AttributeKey<Long> GENERATION = AttributeKey.valueOf("cellnet.connector.generation");
    private static final long NO_OUTAGE = Long.MIN_VALUE;

    private final ReconnectPolicy policy;
    private final Redialer redialer;

    // guarded by this
    private long generation;
    private boolean running;
    private @Nullable Scheduler timer;
    private @Nullable TimerHandle pendingTimer;
    private @Nullable Channel channel;
    private @Nullable Link link;
    private @Nullable CompletableFuture<Void> firstConnection;
    /** The number of the attempt being dialed. */
    private int dialing;
    /** When the connection was lost or the run's first attempt failed (the timer's clock); {@link #NO_OUTAGE} while connected. */
    private long outageSince = NO_OUTAGE;
    /** Completes once the connect call in progress has returned (and, if a stop overtook it, closed its channel). */
    private @Nullable CompletableFuture<Void> attemptInFlight;

    /** A watchdog that asks {@code policy} when to dial again through {@code redialer}. */
    public ReconnectWatchdog(ReconnectPolicy policy, Redialer redialer) {
        this.policy = policy;
        this.redialer = redialer;
    }

    /** Marks {@code channel} as dialed by run {@code generation}; see {@link Redialer#dial}. */
    public static void tag(Channel channel, long generation) {
        channel.attr(GENERATION).set(generation);
    }

    /**
     * Begins a run and dials attempt 0; reconnect delays run on {@code timer}.
     *
     * @return completes when the run's first connection starts its session, or fails with the
     *     cause of the first failed attempt
     */
    public CompletableFuture<Void> start(Scheduler timer) {
        CompletableFuture<Void> first = new CompletableFuture<>();
        long gen;
        synchronized (this) {
            running = true;
            gen = ++generation;
            this.timer = timer;
            firstConnection = first;
            outageSince = NO_OUTAGE;
        }
        attempt(gen, 0);
        return first;
    }

    /**
     * Ends the run: no attempt starts any more, a pending timer is cancelled, the connection (or
     * the attempt) is closed, gracefully when it has a session.
     *
     * @return completes when the session's {@code SessionClosed} is posted and no connect call is
     *     in progress
     */
    public CompletableFuture<Void> stop() {
        Link l;
        Channel ch;
        CompletableFuture<Void> inFlight;
        synchronized (this) {
            running = false;
            generation++;
            if (pendingTimer != null) {
                pendingTimer.cancel();
                pendingTimer = null;
            }
            l = link;
            ch = channel;
            inFlight = attemptInFlight;
        }
        CompletableFuture<Void> closed;
        if (l != null) {
            l.close(true);
            closed = l.closedPosted();
        } else if (ch != null) {
            closed = NettyFutures.whenDone(ch.close());
        } else {
            closed = CompletableFuture.completedFuture(null);
        }
        return (inFlight == null ? closed : CompletableFuture.allOf(closed, inFlight)).whenComplete((v, e) -> forget());
    }

    private synchronized void forget() {
        if (!running) {
            channel = null;
            link = null;
            timer = null;
        }
    }

    /**
     * The session of {@code ch} starts: binds {@code l} as the connection unless {@code ch} is of
     * an older run, then runs {@code attach} before the run's first connection is reported.
     *
     * @return {@code false} when refused (the channel is then closed without any event)
     */
    public boolean connected(Channel ch, Link l, Runnable attach) {
        CompletableFuture<Void> first;
        int attempt;
        long since;
        long now;
        synchronized (this) {
            Long gen = ch.attr(GENERATION).get();
            if (!running || gen == null || gen != generation) {
                return false;
            }
            link = l;
            channel = ch;
            first = firstConnection;
            firstConnection = null;
            attempt = dialing;
            since = outageSince;
            outageSince = NO_OUTAGE;
            Scheduler t = timer;
            now = t == null ? since : t.nanoTime();
        }
        attach.run();
        if (first != null) {
            first.complete(null);
        }
        if (since != NO_OUTAGE) {
            redialer.reconnected(attempt, Duration.ofNanos(Math.max(0, now - since)));
        }
        return true;
    }

    /** The session of {@code l} has closed: dials again after the policy's delay, or gives up. */
    public void lost(Link l) {
        long gen;
        Duration delay;
        synchronized (this) {
            if (link != l) {
                return;
            }
            link = null;
            channel = null;
            if (!running) {
                return;
            }
            gen = generation;
            delay = policy.delayBeforeAttempt(1);
            markOutage();
        }
        retryOrGiveUp(gen, 1, delay, true);
    }

    private void attempt(long gen, int attempt) {
        CompletableFuture<Void> inFlight = new CompletableFuture<>();
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            pendingTimer = null;
            attemptInFlight = inFlight;
            dialing = attempt;
        }
        ChannelFuture f;
        try {
            f = redialer.dial(gen);
        } catch (RuntimeException e) {
            inFlight.complete(null);
            throw e;
        }
        boolean overtaken;
        synchronized (this) {
            if (attemptInFlight == inFlight) {
                attemptInFlight = null;
            }
            overtaken = gen != generation;
            if (!overtaken) {
                channel = f.channel();
            }
        }
        if (overtaken) {
            NettyFutures.whenDone(f.channel().close()).whenComplete((v, e) -> inFlight.complete(null));
            return;
        }
        inFlight.complete(null);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                failed(gen, attempt, done.cause());
                return;
            }
            Channel ch = f.channel();
            ch.closeFuture().addListener(closed -> closedBeforeStart(gen, attempt, ch));
        });
    }

    /** A connection that closed before its session started (a failed handshake) is a failed attempt. */
    private void closedBeforeStart(long gen, int attempt, Channel ch) {
        synchronized (this) {
            if (gen != generation || channel != ch || link != null) {
                return;
            }
        }
        Throwable cause = ch.attr(SessionHandler.START_FAILURE).get();
        failed(gen, attempt, cause != null ? cause : new IOException("connection closed before the session started"));
    }

    private void failed(long gen, int attempt, Throwable cause) {
        Duration delay;
        CompletableFuture<Void> first;
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            channel = null;
            delay = policy.delayBeforeAttempt(attempt + 1);
            first = firstConnection;
            firstConnection = null;
            markOutage();
        }
        redialer.attemptFailed(attempt, cause, delay != null);
        // give up (and say so) before the start that waits for this attempt fails and stops the run
        retryOrGiveUp(gen, attempt + 1, delay, false);
        if (first != null) {
            first.completeExceptionally(cause);
        }
    }

    /** Starts counting the time without a connection, unless already counting. Under the lock. */
    private void markOutage() {
        Scheduler t = timer;
        if (outageSince == NO_OUTAGE && t != null) {
            outageSince = t.nanoTime();
        }
    }

    private void retryOrGiveUp(long gen, int attempt, @Nullable Duration delay, boolean connectionLost) {
        if (delay != null) {
            schedule(gen, attempt, delay);
            return;
        }
        synchronized (this) {
            if (gen != generation) {
                return;
            }
        }
        redialer.gaveUp(attempt - 1, connectionLost);
    }

    private void schedule(long gen, int attempt, Duration delay) {
        Scheduler t;
        synchronized (this) {
            t = timer;
            if (gen != generation || t == null) {
                return;
            }
        }
        TimerHandle h;
        try {
            h = t.schedule(() -> attempt(gen, attempt), delay);
        } catch (RejectedExecutionException e) {
            return; // the run's event loop is gone: the run is over
        }
        synchronized (this) {
            if (gen == generation) {
                pendingTimer = h;
                return;
            }
        }
        h.cancel();
    }
}
