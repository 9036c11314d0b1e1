package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.testing.FakeSession;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** {@link EventHooker#chain} (Go's MultiHooker) and the bundle that holds it. */
class EventHookerTest {
    private final List<String> calls = new ArrayList<>();

    /** Records its calls; swallows when {@code swallow}, else tags the message with its name. */
    private EventHooker hooker(String name, boolean swallow) {
        return new EventHooker() {
            @Override
            public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
                calls.add(name + " in");
                return swallow ? null : new RecvMsgEvent(event.session(), event.message() + "+" + name);
            }

            @Override
            public @Nullable SendMsgEvent onOutboundEvent(SendMsgEvent event) {
                calls.add(name + " out");
                return swallow ? null : new SendMsgEvent(event.session(), event.message() + "+" + name);
            }
        };
    }

    @Test
    void aChainInterceptsOutboundWhenAnyMemberDoes() {
        EventHooker inboundOnly = new EventHooker() {
            @Override
            public boolean interceptsOutbound() {
                return false;
            }
        };
        assertFalse(EventHooker.identity().interceptsOutbound());
        assertFalse(EventHooker.chain(inboundOnly, EventHooker.identity(), inboundOnly).interceptsOutbound());
        assertTrue(EventHooker.chain(inboundOnly, hooker("a", false)).interceptsOutbound());
        assertTrue(hooker("b", false).interceptsOutbound());
    }

    @Test
    void runsHookersInOrderBothWays() {
        EventHooker chain = EventHooker.chain(hooker("a", false), EventHooker.identity(), hooker("b", false));
        RecvMsgEvent in = chain.onInboundEvent(FakeSession.event("m"));
        SendMsgEvent out = chain.onOutboundEvent(new SendMsgEvent(new FakeSession(1), "m"));
        assertEquals("m+a+b", in == null ? null : in.message());
        assertEquals("m+a+b", out == null ? null : out.message());
        assertEquals(List.of("a in", "b in", "a out", "b out"), calls);
    }

    @Test
    void stopsAtTheFirstHookerThatSwallows() {
        EventHooker chain = EventHooker.chain(hooker("a", true), hooker("b", false));
        assertNull(chain.onInboundEvent(FakeSession.event("m")));
        assertNull(chain.onOutboundEvent(new SendMsgEvent(new FakeSession(1), "m")));
        assertEquals(List.of("a in", "a out"), calls);
    }

    @Test
    void chainsOfIdentityOrOneHookerCollapse() {
        EventHooker only = hooker("only", false);
        assertSame(EventHooker.identity(), EventHooker.chain());
        assertSame(EventHooker.identity(), EventHooker.chain(EventHooker.identity(), EventHooker.identity()));
        assertSame(only, EventHooker.chain(EventHooker.identity(), only));
        RecvMsgEvent ev = FakeSession.event("m");
        assertSame(ev, EventHooker.identity().onInboundEvent(ev));
    }

    @Test
    void aBundleAddsHookersAfterItsOwnAndSwapsCallbacks() {
        EventCallback callback = ev -> calls.add("callback");
        ProcessorBundle bundle = new ProcessorBundle(() -> "test", hooker("own", false), EventCallback.NONE)
                .withHooker(hooker("extra", false))
                .withCallback(callback);
        RecvMsgEvent in = bundle.hooker().onInboundEvent(FakeSession.event("m"));
        assertEquals("m+own+extra", in == null ? null : in.message());
        assertSame(callback, bundle.callback());
        assertEquals("test", bundle.transmitter().name());
    }
}
