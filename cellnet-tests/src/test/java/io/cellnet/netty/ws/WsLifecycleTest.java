package io.cellnet.netty.ws;

import static io.cellnet.netty.ws.RawWs.HELLO;
import static io.cellnet.testing.CellnetPeersExtension.wsUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.IdleTimeoutException;
import io.cellnet.ReconnectPolicy;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.ReservedPort;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TCP's lifecycle over WebSocket: a real stop and restart, reconnect, graceful close, idle timeout. */
class WsLifecycleTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void theConnectorReconnectsAcrossAnAcceptorRestart() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        // the port is held for the test: nothing else can take it while the acceptor is down
        ReservedPort port = net.closeAfterTest(ReservedPort.reserve());
        TcpAcceptor first = net.start(net.wsAcceptor(Echo.everything(serverEvents), WsOptions.DEFAULT,
                b -> b.address(port.address() + CellnetPeersExtension.WS_PATH)));
        ManualScheduler clock = new ManualScheduler();
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.wsConnector(wsUrl(first), events, WsOptions.DEFAULT,
                b -> b.reconnect(ReconnectPolicy.fixed(Duration.ofSeconds(1))).scheduler(clock));
        client.start().join();
        events.expect(SessionConnected.class);
        long firstId = client.session().id();
        client.session().send(new TestEchoAck("before", 1));
        assertEquals(new TestEchoAck("before", 1), events.expect(TestEchoAck.class));

        first.stop().join();
        assertEquals(CloseReason.IO, events.expect(SessionClosed.class).reason());
        advanceWhenScheduled(clock);                           // the stopped acceptor refuses the attempt
        SessionConnectError refused = events.expect(SessionConnectError.class);
        assertTrue(refused.willRetry());

        TcpAcceptor second = net.wsAcceptor(Echo.everything(serverEvents), WsOptions.DEFAULT,
                b -> b.address(port.address() + CellnetPeersExtension.WS_PATH));
        second.start().join();
        advanceWhenScheduled(clock);
        events.expect(SessionConnected.class);
        assertNotEquals(firstId, client.session().id());
        client.session().send(new TestEchoAck("after", 2));
        assertEquals(new TestEchoAck("after", 2), events.expect(TestEchoAck.class));
    }

    /** Runs the reconnect attempt once the connector has scheduled it (just after posting the event). */
    private static void advanceWhenScheduled(ManualScheduler clock) {
        clock.awaitPendingTasks(1, NetFixtures.WAIT);
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void theAcceptorStopsForRealAndStartsAgain() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.wsAcceptor(Echo.everything(events), WsOptions.DEFAULT, b -> b));
        int port = server.port();
        try (RawWs client = RawWs.connect(port)) {
            assertTrue(client.upgrade("/ws").startsWith("HTTP/1.1 101"));
            events.expect(SessionAccepted.class);
            server.stop().join();
            String close = client.readFrame();
            assertTrue(close.startsWith("88:03e8"), close);    // a normal close frame (1000), then the close
            client.awaitClose();
        }
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        assertThrows(ConnectException.class, () -> RawWs.connect(port).close());

        server.start().join();
        try (RawWs client = RawWs.connect(server.port())) {
            assertTrue(client.upgrade("/ws").startsWith("HTTP/1.1 101"));
            client.sendMasked(0x2, HELLO);
            assertEquals(WsWireTest.SERVER_FRAME, client.read(15));
        }
        events.expect(SessionAccepted.class);
    }

    @Test
    void sendsBeforeACloseAreDeliveredThenTheSessionCloses() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.wsAcceptor(ev -> {
            serverEvents.onEvent(ev);
            if (ev.message() instanceof TestEchoAck) {
                Session s = ev.session();
                for (int i = 1; i <= 3; i++) {
                    s.send(new TestEchoAck("reply", i));
                }
                s.close();
            }
        }, WsOptions.DEFAULT, b -> b));
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.start(net.wsConnector(wsUrl(server), events, WsOptions.DEFAULT, b -> b));
        events.expect(SessionConnected.class);
        client.session().send(new TestEchoAck("go", 0));
        for (int i = 1; i <= 3; i++) {
            assertEquals(new TestEchoAck("reply", i), events.expect(TestEchoAck.class));
        }
        assertEquals(CloseReason.IO, events.expect(SessionClosed.class).reason());
        serverEvents.expect(SessionAccepted.class);
        serverEvents.expect(TestEchoAck.class);
        assertEquals(CloseReason.MANUAL, serverEvents.expect(SessionClosed.class).reason());
    }

    @Test
    void anIdleSessionIsClosedByTheReadIdleTimeout() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.wsAcceptor(serverEvents, WsOptions.DEFAULT,
                b -> b.socketDeadline(Duration.ofMillis(200), Duration.ZERO));
        server.start().join();
        RecordingEventCallback events = new RecordingEventCallback();
        net.start(net.wsConnector(wsUrl(server), events, WsOptions.DEFAULT, b -> b));
        events.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        SessionClosed closed = serverEvents.expect(SessionClosed.class);
        assertEquals(CloseReason.IO, closed.reason());
        assertInstanceOf(IdleTimeoutException.class, closed.cause());
        assertEquals(CloseReason.IO, events.expect(SessionClosed.class).reason());
    }
}
