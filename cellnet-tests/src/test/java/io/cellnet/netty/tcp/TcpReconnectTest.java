package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
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
import io.cellnet.testing.ReservedPort;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reconnect-on-close: across server restarts, with backoff limits, and stop in every waiting state.
 * Reconnect delays run on a {@link ManualScheduler}: each attempt is made when the test advances
 * the clock, so every test knows exactly which attempts were made; only the connects are real.
 */
class TcpReconnectTest {
    private static final Duration RETRY = Duration.ofSeconds(1);

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final ManualScheduler clock = new ManualScheduler();

    /** Runs the one reconnect attempt the connector scheduled (on its I/O thread, after the event). */
    private void reconnectNow() {
        clock.awaitPendingTasks(1, NetFixtures.WAIT);
        assertEquals(1, clock.advance(RETRY));
    }

    @Test
    void reconnectsAcrossFiveServerRestartsWithExactEventCounts() throws Exception {
        ReservedPort port = net.closeAfterTest(ReservedPort.reserve());
        TcpAcceptor server = net.tcpAcceptor(EventCallback.NONE, b -> b.address(port.address()));
        server.start().join();
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(port.port(), events,
                b -> b.reconnect(ReconnectPolicy.fixed(RETRY)).scheduler(clock));
        client.start().join();
        long lastId = 0;
        int connected = 0;
        int closed = 0;
        int refused = 0;
        for (int restart = 0; restart <= 5; restart++) {
            RecvMsgEvent up = events.poll();
            assertTrue(up.message() instanceof SessionConnected, "expected SessionConnected, got " + up);
            assertSame(client.session(), up.session());
            assertNotEquals(lastId, up.session().id());
            lastId = up.session().id();
            connected++;
            if (restart == 5) {
                break;
            }
            server.stop().get(5, TimeUnit.SECONDS);
            RecvMsgEvent down = events.poll();
            assertEquals(CloseReason.IO, ((SessionClosed) down.message()).reason());
            closed++;
            reconnectNow();                                     // the server is down: refused
            SessionConnectError error = events.expect(SessionConnectError.class);
            assertTrue(error.willRetry());
            refused++;
            server.start().join();
            reconnectNow();
        }
        client.stop().get(5, TimeUnit.SECONDS);
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        events.assertNoMoreEvents();
        assertEquals(6, connected);
        assertEquals(5, closed);
        assertEquals(5, refused);
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void givesUpAfterTheMaximumNumberOfAttemptsAndStopsItself() throws Exception {
        RefusedConnector r = RefusedConnector.start(net, ReconnectPolicy.fixed(RETRY).withMaxAttempts(2), b -> b);
        for (int attempt = 1; attempt <= 2; attempt++) {
            r.retry(RETRY);
            SessionConnectError e = r.events().expect(SessionConnectError.class);
            assertEquals(attempt, e.attempt());
            assertEquals(attempt < 2, e.willRetry());
        }
        await().atMost(NetFixtures.WAIT).until(() -> r.client().state() == PeerState.STOPPED);
        assertEquals(0, r.clock().pendingTasks(), "no attempt after the last one");
        r.events().assertNoMoreEvents();
    }

    @Test
    void stopDuringTheReconnectWaitIsPrompt() throws Exception {
        RefusedConnector r = RefusedConnector.start(net, ReconnectPolicy.fixed(Duration.ofSeconds(30)), b -> b);
        r.client().stop().get(1, TimeUnit.SECONDS);
        assertEquals(PeerState.STOPPED, r.client().state());
        assertEquals(0, r.clock().pendingTasks(), "the reconnect timer was cancelled");
        r.events().assertNoMoreEvents();
    }

    @Test
    void stopWhileTheServerComesBackDuringTheWaitDoesNotConnect() throws Exception {
        RefusedConnector r = RefusedConnector.start(net, ReconnectPolicy.fixed(RETRY), b -> b);
        RecordingEventCallback events = r.events();
        TcpConnector client = r.client();
        TcpAcceptor server = net.tcpAcceptor(new RecordingEventCallback(), b -> b.address(r.address()));
        server.start().join();
        r.retry(RETRY);                                         // a connect to the server is under way
        client.stop().get(1, TimeUnit.SECONDS);
        // A connect that raced with the stop was closed by it; after the stop nothing happens.
        for (RecvMsgEvent ev : events.drain()) {
            if (ev.message() instanceof SessionClosed c) {
                assertEquals(CloseReason.MANUAL, c.reason());
            }
        }
        assertEquals(0, r.clock().pendingTasks());
        assertEquals(0, r.clock().advance(RETRY.multipliedBy(10)), "no attempt after the stop");
        await().during(Duration.ofMillis(300)).atMost(NetFixtures.WAIT)
                .until(() -> server.sessionCount() == 0 && events.size() == 0);
        assertFalse(client.isReady());
        client.start().join();
        events.expect(SessionConnected.class);
        assertTrue(client.isReady());
    }
}
