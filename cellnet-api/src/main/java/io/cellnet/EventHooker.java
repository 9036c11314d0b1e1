package io.cellnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Intercepts events on their way in (before the callback) and out (before encoding): RPC, relay,
 * message logging (Go's {@code cellnet.EventHooker}). Return the event to pass it on, another event
 * to replace it, or {@code null} to swallow it.
 *
 * <p>Contract: inbound hooks run on the session's I/O thread, outbound hooks on the sending
 * thread; both must be fast, must not block, and should not throw (a throw closes nothing but is
 * logged, and the event is dropped). Both methods default to passing the event on.
 *
 * <p>Thread safety: implementations must be thread-safe; one hooker serves every session of a
 * peer.
 */
public interface EventHooker {

    /** Passes every event on unchanged. */
    EventHooker IDENTITY = new EventHooker() {
        @Override
        public boolean interceptsOutbound() {
            return false;
        }

        @Override
        public String toString() {
            return "EventHooker.IDENTITY";
        }
    };

    /** An inbound event; returns the event to deliver, or {@code null} to swallow it. */
    default @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
        return event;
    }

    /** An outbound event; returns the event to send, or {@code null} to swallow it. */
    default @Nullable SendMsgEvent onOutboundEvent(SendMsgEvent event) {
        return event;
    }

    /**
     * Whether {@link #onOutboundEvent} may act on sends right now. When {@code false}, a peer may
     * skip creating the {@link SendMsgEvent} and calling the hooker. Hookers that never look at
     * outbound events, or only do when, say, a logger is enabled, return {@code false} the rest of
     * the time; the default is {@code true}.
     */
    default boolean interceptsOutbound() {
        return true;
    }

    /** The hooker that passes everything on. */
    static EventHooker identity() {
        return IDENTITY;
    }

    /**
     * Go's {@code MultiHooker}: runs {@code hookers} in order, inbound and outbound, stopping at the
     * first one that swallows the event. Identity hookers are skipped.
     */
    static EventHooker chain(EventHooker... hookers) {
        Objects.requireNonNull(hookers, "hookers");
        List<EventHooker> list = new ArrayList<>();
        for (EventHooker h : hookers) {
            Objects.requireNonNull(h, "hooker");
            if (h != IDENTITY) {
                list.add(h);
            }
        }
        return switch (list.size()) {
            case 0 -> IDENTITY;
            case 1 -> list.get(0);
            default -> new HookerChain(list.toArray(new EventHooker[0]));
        };
    }
}
