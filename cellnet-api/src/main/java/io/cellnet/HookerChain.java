package io.cellnet;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The hooker behind {@link EventHooker#chain}: runs its hookers in order, stopping at the first that
 * swallows the event.
 *
 * <p>Thread safety: immutable; as thread-safe as its hookers.
 */
final class HookerChain implements EventHooker {
    private final EventHooker[] hookers;

    HookerChain(EventHooker[] hookers) {
        this.hookers = hookers;
    }

    @Override
    public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
        RecvMsgEvent ev = event;
        for (EventHooker h : hookers) {
            ev = h.onInboundEvent(ev);
            if (ev == null) {
                return null;
            }
        }
        return ev;
    }

    @Override
    public boolean interceptsOutbound() {
        for (EventHooker h : hookers) {
            if (h.interceptsOutbound()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public @Nullable SendMsgEvent onOutboundEvent(SendMsgEvent event) {
        SendMsgEvent ev = event;
        for (EventHooker h : hookers) {
            ev = h.onOutboundEvent(ev);
            if (ev == null) {
                return null;
            }
        }
        return ev;
    }

    @Override
    public String toString() {
        return "EventHooker.chain" + Arrays.toString(hookers);
    }
}
