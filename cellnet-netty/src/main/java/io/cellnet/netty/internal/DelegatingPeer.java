package io.cellnet.netty.internal;

import io.cellnet.ContextSet;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import io.cellnet.proc.UnhandledMessages;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A {@link GenericPeer} whose common methods (lifecycle, properties, processor bundle, context)
 * are its {@link PeerShell}'s: a final peer class implements its transport's interface and this
 * one, and gives its shell. Default methods over one accessor, not a base class.
 *
 * <p>Thread safety: as the shell, every method may be called from any thread.
 */
public interface DelegatingPeer extends GenericPeer, ContextSet.Forwarding {

    /** The shell the common methods delegate to. */
    PeerShell shell();

    @Override
    default CompletableFuture<Void> start() {
        return shell().start();
    }

    @Override
    default CompletableFuture<Void> stop() {
        return shell().stop();
    }

    @Override
    default PeerState state() {
        return shell().state();
    }

    /** Stops and waits, bounded; see {@link PeerShell#close()}. */
    @Override
    default void close() {
        shell().close();
    }

    @Override
    default ProcessorBundle processorBundle() {
        return shell().core().bundle();
    }

    @Override
    default String typeName() {
        return shell().settings().typeName();
    }

    @Override
    default String name() {
        return shell().settings().name();
    }

    @Override
    default String address() {
        return shell().settings().addressText();
    }

    @Override
    default EventQueue queue() {
        return shell().settings().queue();
    }

    /**
     * This peer as {@code type}, or, for {@link UnhandledMessages}, the messages dropped because
     * its callback is {@link io.cellnet.EventCallback#NONE}.
     */
    @Override
    default <T> @Nullable T as(Class<T> type) {
        if (type == UnhandledMessages.class) {
            return type.cast(shell().core().unhandled());
        }
        return GenericPeer.super.as(type);
    }

    /** The shell's context, behind the peer's context methods. */
    @Override
    default ContextSet context() {
        return shell().context();
    }
}
