package io.cellnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The recorder's expectations pass on the right event and fail with a message naming what came. */
class RecordingEventCallbackTest {
    private final RecordingEventCallback events = new RecordingEventCallback(Duration.ofMillis(50));

    private void deliver(Object message) {
        events.onEvent(FakeSession.event(message));
    }

    @Test
    void expectMessageChecksTheTypeAndTheCondition() {
        deliver("hello");
        deliver("world");
        assertEquals("hello", events.expectMessage(String.class, s -> s.startsWith("h")));
        AssertionError e = assertThrows(AssertionError.class, () -> events.expectMessage(String.class, String::isEmpty));
        assertTrue(e.getMessage().contains("world"), e.getMessage());
        events.assertNoMoreEvents();
    }

    @Test
    void expectClosedChecksTheReasonAndNamesTheCauseWhenWrong() {
        SessionClosed manual = new SessionClosed(CloseReason.MANUAL, null);
        deliver(manual);
        assertSame(manual, events.expectClosed(CloseReason.MANUAL));
        deliver(new SessionClosed(CloseReason.IO, new IOException("reset")));
        AssertionError e = assertThrows(AssertionError.class, () -> events.expectClosed(CloseReason.MANUAL));
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
    }

    @Test
    void expectSkippingPassesOverTheSkippedTypesOnly() {
        deliver(new SessionConnectError(new IOException("refused"), 0, true));
        deliver(new SessionConnectError(new IOException("refused"), 1, true));
        deliver(SessionConnected.INSTANCE);
        deliver("unexpected");
        assertSame(SessionConnected.INSTANCE, events.expectSkipping(SessionConnected.class, SessionConnectError.class));
        AssertionError e = assertThrows(AssertionError.class,
                () -> events.expectSkipping(SessionConnected.class, SessionConnectError.class));
        assertTrue(e.getMessage().contains("unexpected"), e.getMessage());
    }

    @Test
    void waitsAreBounded() {
        AssertionError e = assertThrows(AssertionError.class, () -> events.expect(String.class));
        assertTrue(e.getMessage().contains("50 ms"), e.getMessage());
    }
}
