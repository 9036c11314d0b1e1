package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.GenericPeer;
import io.cellnet.PeerState;
import io.cellnet.Peers;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Hold;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.ReservedPort;
import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.netty.internal.stream.NettySyncConnector;
import io.cellnet.proc.Processors;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code tcp.SyncConnector}: {@code start()} waits for the connection (bounded by the connect
 * timeout), a failed attempt fails the start and is never retried, and both connectors exist by
 * type name.
 */
class SyncConnectorTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void startReturnsOnceConnected() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpSyncConnector(server.port(), events, b -> b);
        CompletableFuture<Void> started = client.start();
        assertTrue(started.isDone() && !started.isCompletedExceptionally(), "start() returned connected");
        assertTrue(client.isReady());
        assertEquals(PeerState.RUNNING, client.state());
        assertNotEquals(0, client.port());
        assertEquals(client.session(), events.expectEvent(SessionConnected.class).session());
        serverEvents.expect(SessionAccepted.class);
        events.assertNoMoreEvents();
    }

    @Test
    void startWithoutAListenerFailsOnceAndNeverRetries() throws Exception {
        int port = net.closeAfterTest(ReservedPort.reserve()).port();
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpSyncConnector(port, events, b -> b);
        CompletableFuture<Void> started = client.start();
        assertTrue(started.isCompletedExceptionally(), "start() returned failed");
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertEquals(0, error.attempt(), "the first attempt after start() is attempt 0");
        assertFalse(error.willRetry());
        assertFalse(client.isReady());
        // stopped and holding no event loop: nothing is left that could make another attempt
        await().atMost(NetFixtures.WAIT).until(() -> client.state() == PeerState.STOPPED);
        await().atMost(NetFixtures.WAIT).until(() -> Leaks.groupUsers().get("clients") == 0);
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.tcpAcceptor(serverEvents, b -> b.address("127.0.0.1:" + port));
        server.start().join();
        await().during(Duration.ofMillis(200)).atMost(NetFixtures.WAIT)
                .until(() -> server.sessionCount() == 0 && serverEvents.size() == 0 && events.size() == 0);
        assertEquals(PeerState.STOPPED, client.state());
    }

    @Test
    void theConnectTimeoutReachesTheChannel() {
        // no honest way to make a loopback connect hang: check the value Netty's connect timer uses
        TcpAcceptor server = net.start(net.tcpAcceptor(new RecordingEventCallback(), b -> b));
        TcpConnector custom = net.tcpSyncConnector(server.port(), new RecordingEventCallback(),
                b -> b.connectTimeout(Duration.ofMillis(1234)));
        custom.start().join();
        assertEquals(1234, custom.session().as(Channel.class).config().getConnectTimeoutMillis());
        TcpConnector byDefault = net.tcpSyncConnector(server.port(), new RecordingEventCallback(), b -> b);
        byDefault.start().join();
        assertEquals(TcpConnectorBuilder.DEFAULT_CONNECT_TIMEOUT.toMillis(),
                byDefault.session().as(Channel.class).config().getConnectTimeoutMillis());
    }

    @Test
    void startWaitsAtMostTheConnectTimeoutPlusOneSecondForAHeldConnection() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(new RecordingEventCallback(), b -> b));
        RecordingEventCallback events = new RecordingEventCallback();
        Hold hold = new Hold();
        TcpConnector client = net.tcpSyncConnector(server.port(), events,
                b -> b.connectTimeout(Duration.ofMillis(200)).pipeline(ch -> hold.block()));
        try {
            long t0 = System.nanoTime();
            CompletableFuture<Void> started = client.start();
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertFalse(started.isDone(), "the held connection is still pending");
            assertTrue(waited >= 1200 && waited < 3000, "start() waited " + waited + " ms");
            assertEquals(PeerState.STARTING, client.state());
            hold.release();
            started.get(5, TimeUnit.SECONDS);
        } finally {
            hold.release();
        }
        events.expect(SessionConnected.class);
        assertTrue(client.isReady());
    }

    @Test
    void bothConnectorsAreCreatedByTypeName() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        for (String type : new String[] {"tcp.Connector", "tcp.SyncConnector"}) {
            RecordingEventCallback events = new RecordingEventCallback();
            GenericPeer peer = Peers.newGenericPeer(type, "by-name", "127.0.0.1:" + server.port(), net.queue(type),
                    Processors.bundle("tcp.ltv", events));
            try {
                assertEquals(type, peer.typeName());
                TcpConnector connector = assertInstanceOf(TcpConnector.class, peer);
                assertEquals(type.equals("tcp.SyncConnector"), peer instanceof NettySyncConnector);
                peer.start().join();
                events.expect(SessionConnected.class);
                assertTrue(connector.isReady());
                serverEvents.expect(SessionAccepted.class);
                peer.stop().join();
                serverEvents.expect(SessionClosed.class);
            } finally {
                NetFixtures.stop(peer);
            }
        }
    }
}
