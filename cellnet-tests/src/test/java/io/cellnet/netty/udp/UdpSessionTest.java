package io.cellnet.netty.udp;

import static io.cellnet.netty.udp.Datagrams.connected;
import static io.cellnet.netty.udp.Datagrams.echoServer;
import static io.cellnet.netty.udp.Datagrams.helloEchoed;
import static io.cellnet.netty.udp.Datagrams.socket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.IdleTimeoutException;
import io.cellnet.PeerState;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions by remote address: ids, TTL expiry on a timer, close, stop and restart. */
class UdpSessionTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());
    /** The events of the peer each test watches (the acceptor, or the connector when there is one). */
    private final RecordingEventCallback events = new RecordingEventCallback();

    @Test
    void eachRemoteAddressGetsItsOwnSessionWithIdsFromOne() throws Exception {
        UdpAcceptor server = echoServer(net, events);
        DatagramSocket a = socket(net);
        DatagramSocket b = socket(net);
        helloEchoed(a, server.port());
        helloEchoed(b, server.port());
        helloEchoed(a, server.port());
        assertEquals(1, events.expectEvent(SessionAccepted.class).session().id());
        assertEquals(1, events.expectEvent(TestEchoAck.class).session().id());
        assertEquals(2, events.expectEvent(SessionAccepted.class).session().id());
        assertEquals(2, events.expectEvent(TestEchoAck.class).session().id());
        assertEquals(1, events.expectEvent(TestEchoAck.class).session().id());
        assertEquals(2, server.sessionCount());
        Session first = server.session(1);
        assertEquals(a.getLocalSocketAddress(), first.remoteAddress());
        Set<Long> visited = new HashSet<>();
        server.visitSessions(s -> visited.add(s.id()));
        assertEquals(Set.of(1L, 2L), visited);
    }

    @Test
    void anIdleSessionExpiresOnTheTimerWithoutAnyDatagram() throws Exception {
        ManualScheduler clock = new ManualScheduler();
        UdpAcceptor server = echoServer(net, events,
                b -> b.scheduler(clock).sessionTtl(Duration.ofSeconds(10)).sweepInterval(Duration.ofSeconds(1)));
        DatagramSocket client = socket(net);
        helloEchoed(client, server.port());
        events.expect(SessionAccepted.class);
        events.expect(TestEchoAck.class);

        clock.advance(Duration.ofSeconds(9));
        assertEquals(1, server.sessionCount());
        helloEchoed(client, server.port());             // activity at t=9 s
        events.expect(TestEchoAck.class);
        clock.advance(Duration.ofSeconds(9));           // t=18 s: idle 9 s
        assertEquals(1, server.sessionCount());
        events.assertNoMoreEvents();

        clock.advance(Duration.ofSeconds(1));           // t=19 s: idle 10 s, swept on the timer
        SessionClosed closed = events.expect(SessionClosed.class);
        assertEquals(CloseReason.IO, closed.reason());
        assertInstanceOf(IdleTimeoutException.class, closed.cause());
        assertEquals(0, server.sessionCount());

        helloEchoed(client, server.port());
        assertEquals(2, events.expectEvent(SessionAccepted.class).session().id());
        events.expect(TestEchoAck.class);
    }

    @Test
    void theDefaultTtlIsOneMinuteAsGo() {
        UdpAcceptor server = net.udpAcceptor(Echo.everything(new RecordingEventCallback()), b -> b);
        assertEquals(Duration.ofMinutes(1), server.sessionTtl());
    }

    @Test
    void closeRemovesTheSessionAndTheNextDatagramOpensANewOne() throws Exception {
        UdpAcceptor server = echoServer(net, events);
        DatagramSocket client = socket(net);
        helloEchoed(client, server.port());
        Session s = events.expectEvent(SessionAccepted.class).session();
        events.expect(TestEchoAck.class);

        s.close();
        SessionClosed closed = events.expect(SessionClosed.class);
        assertEquals(CloseReason.MANUAL, closed.reason());
        assertNull(closed.cause());
        assertFalse(s.isOpen());
        assertNull(server.session(s.id()));
        assertEquals(SendResult.CLOSED, s.send(new TestEchoAck("late", 0)));
        s.close();
        events.assertNoMoreEvents();

        helloEchoed(client, server.port());
        RecvMsgEvent again = events.expectEvent(SessionAccepted.class);
        assertEquals(s.id() + 1, again.session().id());
    }

    @Test
    void stopClosesEverySessionAndARestartServesAgain() throws Exception {
        UdpAcceptor server = echoServer(net, events);
        DatagramSocket a = socket(net);
        DatagramSocket b = socket(net);
        for (DatagramSocket s : new DatagramSocket[] {a, b}) {
            helloEchoed(s, server.port());
            events.expect(SessionAccepted.class);
            events.expect(TestEchoAck.class);
        }
        server.stop().join();
        assertEquals(PeerState.STOPPED, server.state());
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        assertEquals(0, server.sessionCount());
        assertEquals(0, server.port());

        server.start().join();
        assertTrue(server.isReady());
        helloEchoed(a, server.port());
        assertEquals(3, events.expectEvent(SessionAccepted.class).session().id());
    }

    @Test
    void aConnectorStopsAndRestartsWithANewSessionId() throws Exception {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        UdpAcceptor server = echoServer(net, serverEvents);
        UdpConnector client = net.udpConnector(server.port(), events, b -> b);
        for (long id = 1; id <= 2; id++) {
            client.start().join();
            RecvMsgEvent up = events.expectEvent(SessionConnected.class);
            assertSame(client.session(), up.session());
            assertEquals(id, client.session().id());
            assertTrue(client.isReady());
            client.session().send(new TestEchoAck("round", (int) id));
            assertEquals(new TestEchoAck("round", (int) id), events.expect(TestEchoAck.class));
            client.stop().join();
            assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
            assertFalse(client.isReady());
            assertEquals(SendResult.CLOSED, client.session().send(new TestEchoAck("down", 0)));
        }
        events.assertNoMoreEvents();
    }

    @Test
    void closingTheConnectorsSessionStopsTheConnector() throws Exception {
        UdpAcceptor server = echoServer(net, new RecordingEventCallback());
        UdpConnector client = connected(net, server.port(), events);
        client.session().close();
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> client.state() == PeerState.STOPPED);
    }

    @Test
    void eachSendersDatagramsLeaveInOrderAndThoseSentBeforeStopAreWritten() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        UdpAcceptor server = net.start(net.udpAcceptor(serverEvents, b -> b));
        UdpConnector client = connected(net, server.port(), events);
        for (int i = 0; i < 100; i++) {
            assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("seq", i)));
        }
        client.stop().join();
        serverEvents.expect(SessionAccepted.class);
        for (int i = 0; i < 100; i++) {
            assertEquals(new TestEchoAck("seq", i), serverEvents.expect(TestEchoAck.class));
        }
    }
}
