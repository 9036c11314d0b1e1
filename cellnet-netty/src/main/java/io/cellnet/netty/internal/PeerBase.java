package io.cellnet.netty.internal;

import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import io.cellnet.ContextSet;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every cellnet-netty peer shares: its settings and context, the processor binding, the
 * lifecycle state machine and a bounded {@link #close()}. A transport implements
 * {@link #doStart()} and {@link #doStop()}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public abstract class PeerBase implements GenericPeer {
    private final ContextSet context = ContextSet.create();
    /** The peers' logger. */
    protected static final Logger log = LoggerFactory.getLogger("io.cellnet.netty.peer");

    /** The settings. */
    protected final PeerSettings settings;
    /** What the peer's sessions share. */
    protected final PeerCore core;
    private final Lifecycle lifecycle = new Lifecycle();
    private volatile @Nullable EventLoopGroup activeGroup;

    /** A peer with {@code settings}; its sessions close within {@code closeTimeout} and {@code limits}. */
    protected PeerBase(PeerSettings settings, Duration closeTimeout, OutboundLimits limits) {
        this.settings = settings;
        this.core = new PeerCore(this, settings.name(), settings.queue(), settings.registry(), settings.bundle(),
                closeTimeout, limits);
    }

    /** Starts the peer's I/O; completes when running. Called by {@link #start()} when stopped. */
    protected abstract CompletableFuture<Void> doStart();

    /** Stops the peer's I/O; completes when stopped and every SessionClosed is posted. */
    protected abstract CompletableFuture<Void> doStop();

    /** What the peer's sessions share. */
    public final PeerCore core() {
        return core;
    }


    /** Records the group serving the peer's channels while it runs ({@code null} when stopped). */
    protected final void activeGroup(@Nullable EventLoopGroup group) {
        this.activeGroup = group;
    }

    /** The group serving the peer's channels while it runs, else {@code null}. */
    protected final @Nullable EventLoopGroup activeGroup() {
        return activeGroup;
    }

    @Override
    public CompletableFuture<Void> start() {
        return lifecycle.start(this::doStart);
    }

    @Override
    public final CompletableFuture<Void> stop() {
        return lifecycle.stop(this::doStop);
    }

    @Override
    public final PeerState state() {
        return lifecycle.state();
    }

    @Override
    public final void close() {
        CompletableFuture<Void> done = stop();
        if (onOwnEventLoop()) {
            return;
        }
        Duration bound = core.closeTimeout().plusSeconds(10);
        try {
            done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("peer '{}' did not stop cleanly within {} ms", name(), bound.toMillis(), e);
        }
    }

    /** {@code true} when the calling thread is one of the peer's I/O threads. */
    protected final boolean onOwnEventLoop() {
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


    @Override
    public final ProcessorBundle processorBundle() {
        return core.bundle();
    }

    @Override
    public final String typeName() {
        return settings.typeName();
    }

    @Override
    public final String name() {
        return settings.name();
    }

    @Override
    public final String address() {
        return settings.addressText();
    }

    @Override
    public final EventQueue queue() {
        return settings.queue();
    }

    @Override
    public String toString() {
        return typeName() + "(" + name() + ", " + address() + ", " + state() + ")";
    }

    @Override
    public final void setContext(Object key, @Nullable Object value) {
        context.setContext(key, value);
    }

    @Override
    public final @Nullable Object getContext(Object key) {
        return context.getContext(key);
    }

    @Override
    public final boolean containsContext(Object key) {
        return context.containsContext(key);
    }

    @Override
    public final @Nullable Object removeContext(Object key) {
        return context.removeContext(key);
    }
}
