package io.cellnet.netty.internal;

import io.cellnet.ContextSet;
import io.cellnet.Peer;
import io.cellnet.PeerState;
import io.cellnet.internal.LoopThreads;
import io.cellnet.observe.PeerTags;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every cellnet-netty peer holds, whatever its transport: its settings, its {@link Lifecycle}
 * (driving the transport's start and stop actions), its {@link PeerCore}, its context, the event
 * loop group it runs on, and a bounded {@link #close()}. A peer is a final class that holds one
 * and delegates to it ({@link DelegatingPeer}).
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class PeerShell {
    /** The peers' logger. */
    public static final Logger log = LoggerFactory.getLogger("io.cellnet.netty.peer");

    private final PeerSettings settings;
    private final PeerCore core;
    private final Lifecycle lifecycle = new Lifecycle();
    private final ContextSet context = ContextSet.create();
    private final Supplier<CompletableFuture<Void>> startIo;
    private final Supplier<CompletableFuture<Void>> stopIo;
    private volatile @Nullable EventLoopGroup activeGroup;

    /**
     * The shell of {@code peer} (what its sessions report as their peer) with {@code settings};
     * its sessions close within {@code closeTimeout} and are bounded by {@code limits}.
     * {@code startIo} and {@code stopIo} are the transport's actions: the first completes when
     * the peer runs, the second when its I/O has stopped and every {@code SessionClosed} is posted.
     */
    public PeerShell(Peer peer, PeerSettings settings, Duration closeTimeout, OutboundLimits limits,
            Supplier<CompletableFuture<Void>> startIo, Supplier<CompletableFuture<Void>> stopIo) {
        this.settings = settings;
        this.core = new PeerCore(peer, settings.name(), settings.queue(), settings.registry(), settings.bundle(),
                closeTimeout, limits, settings.observer().peer(PeerTags.of(settings.name(), settings.typeName(),
                        settings.bundle().transmitter().name())));
        this.startIo = startIo;
        this.stopIo = stopIo;
    }

    /** The settings. */
    public PeerSettings settings() {
        return settings;
    }

    /** What the peer's sessions share. */
    public PeerCore core() {
        return core;
    }

    /** The peer's context. */
    public ContextSet context() {
        return context;
    }

    /** Starts unless started; see {@link Lifecycle}. */
    public CompletableFuture<Void> start() {
        core.observer().peerStarted();
        return lifecycle.start(startIo);
    }

    /** Stops unless stopped; see {@link Lifecycle}. */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> stopped = lifecycle.stop(stopIo);
        stopped.whenComplete((v, e) -> core.observer().peerStopped());
        return stopped;
    }

    /** The lifecycle state. */
    public PeerState state() {
        return lifecycle.state();
    }

    /**
     * Stops and waits for it, bounded by the close timeout plus 10 seconds; on one of the peer's own
     * I/O threads, or on a loop queue's thread (which must never block), it returns at once.
     */
    public void close() {
        CompletableFuture<Void> done = stop();
        if (onOwnEventLoop() || LoopThreads.ownerOfCurrent() != null) {
            return;
        }
        Duration bound = core.closeTimeout().plusSeconds(10);
        try {
            done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("peer '{}' did not stop cleanly within {} ms", settings.name(), bound.toMillis(), e);
        }
    }

    /** The user's event loop group if one was given, else a reference to {@code shared}; see {@link #release}. */
    public EventLoopGroup acquire(SharedGroup shared) {
        EventLoopGroup user = settings.group();
        return user != null ? user : shared.acquire();
    }

    /** Gives back what {@link #acquire} took from {@code shared}; completes when that is done. */
    public CompletableFuture<Void> release(SharedGroup shared) {
        return settings.group() != null ? CompletableFuture.completedFuture(null) : NettyFutures.whenDone(shared.release());
    }

    /** Records the group serving the peer's channels while it runs ({@code null} when stopped). */
    public void activeGroup(@Nullable EventLoopGroup group) {
        this.activeGroup = group;
    }

    /** The group serving the peer's channels while it runs, else {@code null}. */
    public @Nullable EventLoopGroup activeGroup() {
        return activeGroup;
    }

    /** {@code true} when the calling thread is one of the peer's I/O threads. */
    public boolean onOwnEventLoop() {
        EventLoopGroup g = activeGroup;
        if (g != null) {
            for (EventExecutor e : g) {
                if (e.inEventLoop()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code typeName(name, address, state)}, the peers' {@code toString()}. */
    @Override
    public String toString() {
        return settings.typeName() + "(" + settings.name() + ", " + settings.addressText() + ", " + state() + ")";
    }
}
