package io.cellnet;

import java.util.Objects;

/**
 * What a peer does with frames and events (Go's {@code cellnet.ProcessorBundle}): the transmitter
 * (frames ⇄ messages), the hooker (interception) and the callback (user code). Usually made by name
 * with {@code io.cellnet.proc.Processors#bundle}.
 *
 * <p>Thread safety: immutable.
 *
 * @param transmitter frames ⇄ messages
 * @param hooker      inbound and outbound interception, {@link EventHooker#identity()} for none
 * @param callback    the user callback, {@link EventCallback#NONE} for none
 */
public record ProcessorBundle(MessageTransmitter transmitter, EventHooker hooker, EventCallback callback) {

    /** Checks the arguments. */
    public ProcessorBundle {
        Objects.requireNonNull(transmitter, "transmitter");
        Objects.requireNonNull(hooker, "hooker");
        Objects.requireNonNull(callback, "callback");
    }

    /** This bundle with another callback. */
    public ProcessorBundle withCallback(EventCallback newCallback) {
        Objects.requireNonNull(newCallback, "newCallback");
        return new ProcessorBundle(transmitter, hooker, newCallback);
    }

    /** This bundle with {@code extra} run after its hooker. */
    public ProcessorBundle withHooker(EventHooker extra) {
        Objects.requireNonNull(extra, "extra");
        return new ProcessorBundle(transmitter, EventHooker.chain(hooker, extra), callback);
    }
}
