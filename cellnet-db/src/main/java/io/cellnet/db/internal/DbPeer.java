package io.cellnet.db.internal;

import io.cellnet.ContextSet;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.PeerReadyChecker;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import java.util.concurrent.CompletableFuture;

/**
 * The common methods of a database peer, as defaults over its {@link DbPeerCore} and its two
 * steps: {@link #connect()} and {@link #disconnect()}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface DbPeer extends GenericPeer, PeerReadyChecker, ContextSet.Forwarding {

    /** The core the common methods delegate to. */
    DbPeerCore core();

    /** Opens the connection or pool; completes when the first attempt is under way. */
    CompletableFuture<Void> connect();

    /** Closes the connection or pool; completes when closed. */
    CompletableFuture<Void> disconnect();

    @Override
    default CompletableFuture<Void> start() {
        return core().start(this::connect);
    }

    @Override
    default CompletableFuture<Void> stop() {
        return core().stop(this::disconnect);
    }

    @Override
    default void close() {
        core().close(this::disconnect);
    }

    @Override
    default PeerState state() {
        return core().state();
    }

    @Override
    default boolean isReady() {
        return core().isConnected();
    }

    @Override
    default String typeName() {
        return core().typeName();
    }

    @Override
    default String name() {
        return core().property().name();
    }

    @Override
    default String address() {
        return core().property().address();
    }

    @Override
    default EventQueue queue() {
        return core().property().queue();
    }

    @Override
    default ProcessorBundle processorBundle() {
        return core().bundle();
    }

    @Override
    default ContextSet context() {
        return core();
    }
}
