package io.cellnet.netty.tcp;

import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.PeerCaptureIOPanic;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import io.cellnet.TCPSocketOption;
import io.cellnet.internal.ContextMap;
import io.cellnet.netty.internal.Lifecycle;
import io.cellnet.netty.internal.PeerCore;
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
 * What the TCP peers share: properties, context, processor binding, lifecycle, socket options.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
abstract class TcpPeerBase extends ContextMap implements GenericPeer, TCPSocketOption, PeerCaptureIOPanic {
    static final Logger log = LoggerFactory.getLogger("io.cellnet.netty.peer");

    final TcpPeerConfig config;
    final PeerCore core;
    final Lifecycle lifecycle = new Lifecycle();
    /** The group serving the peer's channels while it runs. */
    volatile @Nullable EventLoopGroup activeGroup;

    TcpPeerBase(TcpPeerConfig config) {
        this.config = config;
        this.core = new PeerCore(this, config.name(), config.queue(), config.registry(), config.bundle(),
                config.closeTimeout(), config.outboundLimits());
    }

    /** Starts the peer's I/O; completes when running. */
    abstract CompletableFuture<Void> doStart();

    /** Stops the peer's I/O; completes when stopped and every SessionClosed is posted. */
    abstract CompletableFuture<Void> doStop();

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
        Duration bound = config.closeTimeout().plusSeconds(10);
        try {
            done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("peer '{}' did not stop cleanly within {} ms", name(), bound.toMillis(), e);
        }
    }

    /** {@code true} when the calling thread is one of the peer's I/O threads. */
    final boolean onOwnEventLoop() {
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
    public final void bindProcessor(ProcessorBundle bundle) {
        synchronized (lifecycle) {
            if (lifecycle.state() != PeerState.STOPPED) {
                throw new IllegalStateException("peer '" + name() + "' is " + lifecycle.state()
                        + ": bind processors before start");
            }
            core.bind(bundle);
        }
    }

    @Override
    public final ProcessorBundle processorBundle() {
        return core.bundle();
    }

    @Override
    public final String name() {
        return config.name();
    }

    @Override
    public final String address() {
        return config.addressText();
    }

    @Override
    public final EventQueue queue() {
        return config.queue();
    }

    @Override
    public final int readBufferSize() {
        return config.options().readBufferSize();
    }

    @Override
    public final int writeBufferSize() {
        return config.options().writeBufferSize();
    }

    @Override
    public final boolean noDelay() {
        return config.options().noDelay();
    }

    @Override
    public final boolean keepAlive() {
        return config.options().keepAlive();
    }

    @Override
    public final int maxPacketSize() {
        return config.options().maxPacketSize();
    }

    @Override
    public final Duration readIdleTimeout() {
        return config.options().readIdleTimeout();
    }

    @Override
    public final Duration writeIdleTimeout() {
        return config.options().writeIdleTimeout();
    }

    @Override
    public String toString() {
        return typeName() + "(" + name() + ", " + address() + ", " + state() + ")";
    }
}
