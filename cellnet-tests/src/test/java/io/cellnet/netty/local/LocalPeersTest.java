package io.cellnet.netty.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.Peers;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.proc.Processors;
import io.cellnet.testing.CellnetAcceptorExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** local.Acceptor and local.Connector: real encoding, event order and close semantics without a socket. */
class LocalPeersTest {
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    /** Messages the server does not echo: a reply to a client that has closed would fail the server's session. */
    private static final String ONE_WAY = "one-way";

    @RegisterExtension
    static final CellnetAcceptorExtension server = CellnetAcceptorExtension.local("echo-test")
            .registry(NetFixtures.registry())
            .queue("local-test")
            .callback(ev -> {
                if (ev.message() instanceof TestEchoAck m && !m.Msg().equals(ONE_WAY)) {
                    ev.reply(m);
                }
            })
            .build();

    @Test
    void echoInMemoryWithTheSameEventsAsTcp() {
        assertEquals("local://echo-test", server.address());
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector client = server.connector(clientEvents);
        clientEvents.expect(SessionConnected.class);
        client.session().send(new TestEchoAck("in memory", 7));
        assertEquals(new TestEchoAck("in memory", 7), clientEvents.expect(TestEchoAck.class));
        server.events().expect(SessionAccepted.class);
        server.events().expect(TestEchoAck.class);
        client.stop().join();
        clientEvents.expectClosed(CloseReason.MANUAL);
        server.events().expectClosed(CloseReason.IO);
    }

    @Test
    void gracefulCloseWritesEverythingSentBeforeIt() {
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector client = server.connector(clientEvents);
        clientEvents.expect(SessionConnected.class);
        for (int i = 0; i < 1000; i++) {
            assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck(ONE_WAY, i)));
        }
        client.session().close();
        // refused: CLOSED while the link closes, NOT_CONNECTED once the connector has let go of it
        assertFalse(client.session().send(new TestEchoAck("late", -1)).isAccepted());
        server.events().expect(SessionAccepted.class);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            server.events().expectMessage(TestEchoAck.class, m -> m.Value() == n);
        }
        server.events().expectClosed(CloseReason.IO);
        clientEvents.expectClosed(CloseReason.MANUAL);
    }

    @Test
    void aConnectorReconnectsAcrossAnAcceptorRestartOnTheManualClock() {
        ManualScheduler clock = new ManualScheduler();
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector client = server.connector(clientEvents,
                b -> b.scheduler(clock).reconnect(ReconnectPolicy.fixed(RECONNECT)));
        clientEvents.expect(SessionConnected.class);
        long firstId = client.session().id();
        server.events().expect(SessionAccepted.class);

        server.acceptor().stop().join();
        server.events().expectClosed(CloseReason.MANUAL);
        clientEvents.expectClosed(CloseReason.IO);
        clock.awaitPendingTasks(1, NetFixtures.WAIT);    // scheduled on the I/O thread after the event
        clock.advance(RECONNECT.minusMillis(1));
        assertEquals(1, clock.pendingTasks(), "reconnected before its delay");
        clientEvents.assertNoMoreEvents();

        clock.advance(Duration.ofMillis(1));
        SessionConnectError refused = clientEvents.expect(SessionConnectError.class);
        assertEquals(1, refused.attempt());
        assertTrue(refused.willRetry());
        clock.awaitPendingTasks(1, NetFixtures.WAIT);    // scheduled on the I/O thread after the event

        server.acceptor().start().join();
        clock.advance(RECONNECT);
        clientEvents.expect(SessionConnected.class);
        assertNotEquals(firstId, client.session().id());
        server.events().expect(SessionAccepted.class);
    }

    @Test
    void localPeersAreMadeByTypeName() {
        RecordingEventCallback byName = new RecordingEventCallback();
        GenericPeer client = Peers.newGenericPeer("local.Connector", "by-name", server.address(),
                EventQueue.direct(), Processors.bundle("tcp.ltv", byName));
        client.start().join();
        try {
            assertEquals("local.Connector", client.typeName());
            byName.expect(SessionConnected.class);
            server.events().expect(SessionAccepted.class);
        } finally {
            NetFixtures.stop(client);
        }
        byName.expectClosed(CloseReason.MANUAL);
        GenericPeer acceptor = Peers.newGenericPeer("local.Acceptor", "by-name", "local://by-name",
                EventQueue.direct(), Processors.bundle("tcp.ltv", EventCallback.NONE));
        assertEquals("local.Acceptor", acceptor.typeName());
        assertTrue(Peers.typeNames().containsAll(Set.of("local.Acceptor", "local.Connector")));
    }
}
