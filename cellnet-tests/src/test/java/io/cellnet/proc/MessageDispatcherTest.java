package io.cellnet.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.StubCodec;
import io.cellnet.testing.FakeSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed and by-name routing of {@link MessageDispatcher}. */
class MessageDispatcherTest {

    record Ping(int n) {
    }

    static class Base {
    }

    static final class Derived extends Base {
    }

    private final List<String> calls = new ArrayList<>();
    private final MessageRegistry registry = MessageRegistry.create();
    private final MessageDispatcher dispatcher = new MessageDispatcher(registry);

    @Test
    void typedHandlerGetsTheCastMessageAndItsEventAndRepliesOnItsSession() {
        FakeSession session = new FakeSession(5);
        RecvMsgEvent event = session.received(new Ping(7));
        List<RecvMsgEvent> events = new ArrayList<>();
        dispatcher.on(Ping.class, (ev, ping) -> {
            events.add(ev);
            calls.add("ping " + ping.n());
            ev.reply(new Ping(ping.n() + 1));
        });
        dispatcher.onEvent(event);
        assertEquals(List.of("ping 7"), calls);
        assertEquals(List.of(event), events);
        assertEquals(List.of(new Ping(8)), session.sent());
    }

    @Test
    void severalHandlersPerTypeRunInRegistrationOrder() {
        dispatcher.on(Ping.class, (ev, p) -> calls.add("first"))
                .on(Ping.class, (ev, p) -> calls.add("second"))
                .on(String.class, (ev, s) -> calls.add("string"))
                .on(Ping.class, (ev, p) -> calls.add("third"));
        dispatcher.onEvent(FakeSession.event(new Ping(1)));
        assertEquals(List.of("first", "second", "third"), calls);
        assertEquals(3, dispatcher.handlerCount(Ping.class));
        assertEquals(0, dispatcher.handlerCount(Base.class));
    }

    @Test
    void registersByGoFullName() {
        registry.register(MessageMeta.of(Ping.class, "tests.TestEchoACK", new StubCodec("stub")));
        dispatcher.on("tests.TestEchoACK", (ev, msg) -> calls.add("by name " + msg))
                .on("cellnet.SessionAccepted", (ev, msg) -> calls.add("accepted"));
        dispatcher.onEvent(FakeSession.event(new Ping(2)));
        dispatcher.onEvent(FakeSession.event(SessionAccepted.INSTANCE));
        assertEquals(List.of("by name Ping[n=2]", "accepted"), calls);
    }

    @Test
    void anUnknownFullNameFailsAtRegistration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dispatcher.on("nope.Missing", (ev, msg) -> calls.add("never")));
        assertTrue(e.getMessage().contains("nope.Missing"), e.getMessage());
        assertEquals(0, dispatcher.handlerCount(Object.class));
    }

    @Test
    void eventsWithoutAHandlerGoToTheFallback() {
        List<RecvMsgEvent> unhandled = new ArrayList<>();
        dispatcher.on(Ping.class, (ev, p) -> calls.add("ping")).otherwise(unhandled::add);
        RecvMsgEvent other = FakeSession.event("a string");
        dispatcher.onEvent(other);
        dispatcher.onEvent(FakeSession.event(new Ping(3)));
        assertEquals(List.of(other), unhandled);
        assertEquals(List.of("ping"), calls);
    }

    @Test
    void withoutAFallbackUnhandledEventsAreIgnored() {
        dispatcher.onEvent(FakeSession.event("nobody listens"));
        assertEquals(List.of(), calls);
    }

    @Test
    void dispatchIsOnTheExactClassNotSupertypes() {
        List<Object> unhandled = new ArrayList<>();
        dispatcher.on(Base.class, (ev, b) -> calls.add("base"))
                .on(Object.class, (ev, o) -> calls.add("object"))
                .otherwise(ev -> unhandled.add(ev.message()));
        Derived derived = new Derived();
        dispatcher.onEvent(FakeSession.event(derived));
        assertEquals(List.of(), calls);
        assertEquals(1, unhandled.size());
        assertSame(derived, unhandled.get(0));
        dispatcher.onEvent(FakeSession.event(new Base()));
        assertEquals(List.of("base"), calls);
    }
}
