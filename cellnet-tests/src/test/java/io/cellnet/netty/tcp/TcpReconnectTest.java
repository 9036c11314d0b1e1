package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.PeerState;
import io.cellnet.ReconnectPolicy;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.ReservedPort;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reconnect-on-close: across server restarts, with backoff limits, and stop in every waiting state. */
class TcpReconnectTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void reconnectsAcrossFiveServerRestartsWithExactEventCounts() throws Exception {
        int port = net.closeAfterTest(ReservedPort.reserve()).port();
        TcpAcceptor server = net.tcpAcceptor(EventCallback.NONE, b -> b.address("127.0.0.1:" + port));
        server.start().join();
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(port, events,
                b -> b.reconnect(ReconnectPolicy.fixed(Duration.ofMillis(20))));
        client.start().join();
        long lastId = 0;
        int connected = 0;
        int closed = 0;
        for (int restart = 0; restart <= 5; restart++) {
            RecvMsgEvent up = nextNonError(events);
            assertTrue(up.message() instanceof SessionConnected, "expected SessionConnected, got " + up);
            assertSame(client.session(), up.session());
            assertNotEquals(lastId, up.session().id());
            lastId = up.session().id();
            connected++;
            if (restart == 5) {
                break;
            }
            server.stop().get(5, TimeUnit.SECONDS);
            RecvMsgEvent down = nextNonError(events);
            assertEquals(CloseReason.IO, ((SessionClosed) down.message()).reason());
            closed++;
            server.start().join();
        }
        client.stop().get(5, TimeUnit.SECONDS);
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        events.assertNoMoreEvents();
        assertEquals(6, connected);
        assertEquals(5, closed);
    }

    private static RecvMsgEvent nextNonError(RecordingEventCallback events) {
        for (;;) {
            RecvMsgEvent ev = events.poll();
            if (ev.message() instanceof SessionConnectError e) {
                assertTrue(e.willRetry());
                continue;
            }
            return ev;
        }
    }

    @Test
    void givesUpAfterTheMaximumNumberOfAttemptsAndStopsItself() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(net.closeAfterTest(ReservedPort.reserve()).port(), events,
                b -> b.reconnect(ReconnectPolicy.fixed(Duration.ofMillis(10)).withMaxAttempts(2)));
        client.start().join();
        for (int attempt = 0; attempt <= 2; attempt++) {
            SessionConnectError e = events.expect(SessionConnectError.class);
            assertEquals(attempt, e.attempt());
            assertEquals(attempt < 2, e.willRetry());
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> client.state() == PeerState.STOPPED);
        events.assertNoMoreEvents();
    }

    @Test
    void stopDuringTheReconnectWaitIsPrompt() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(net.closeAfterTest(ReservedPort.reserve()).port(), events,
                b -> b.reconnect(ReconnectPolicy.fixed(Duration.ofSeconds(30))));
        client.start().join();
        assertTrue(events.expect(SessionConnectError.class).willRetry());
        client.stop().get(1, TimeUnit.SECONDS);
        assertEquals(PeerState.STOPPED, client.state());
        events.assertNoMoreEvents();
    }

    @Test
    void stopWhileTheServerComesBackDuringTheWaitDoesNotConnect() throws Exception {
        int port = net.closeAfterTest(ReservedPort.reserve()).port();
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(port, events,
                b -> b.reconnect(ReconnectPolicy.fixed(Duration.ofMillis(1))));
        client.start().join();
        assertTrue(events.expect(SessionConnectError.class).willRetry());
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.tcpAcceptor(serverEvents, b -> b.address("127.0.0.1:" + port));
        server.start().join();
        client.stop().get(1, TimeUnit.SECONDS);
        // A connect that raced with the stop was closed by it; after the stop nothing happens.
        for (RecvMsgEvent ev : events.drain()) {
            if (ev.message() instanceof SessionClosed c) {
                assertEquals(CloseReason.MANUAL, c.reason());
            }
        }
        org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> server.sessionCount() == 0 && events.size() == 0);
        assertFalse(client.isReady());
        client.start().join();
        while (!(nextNonError(events).message() instanceof SessionConnected)) {
            // skip the connect errors and the close of a connect that raced with the stop
        }
        assertTrue(client.isReady());
    }
}
