package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.ContextKey;
import io.cellnet.EventCallback;
import io.cellnet.GenericPeer;
import io.cellnet.PeerState;
import io.cellnet.Peers;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.ReservedPort;
import io.cellnet.proc.Processors;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import java.net.BindException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Go's graceful-exit and issue tests, ported: start/stop/restart of acceptors and connectors. */
class TcpLifecycleTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());
    /** The acceptor's events. */
    private final RecordingEventCallback serverEvents = new RecordingEventCallback();

    @Test
    void connectorStopsItselfFromItsConnectedCallbackAndStartsAgainThreeTimes() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        AtomicInteger connected = new AtomicInteger();
        CountDownLatch thirdConnect = new CountDownLatch(1);
        TcpConnector[] client = new TcpConnector[1];
        client[0] = net.tcpConnector(server.port(), ev -> {
            if (ev.message() instanceof SessionConnected) {
                int n = connected.incrementAndGet();
                if (n < 3) {
                    client[0].stop().thenRun(client[0]::start);
                } else {
                    thirdConnect.countDown();
                }
            }
        }, b -> b.queue(net.queue("client")));
        client[0].start().join();
        assertTrue(thirdConnect.await(5, TimeUnit.SECONDS));
        // Each connection's events are in order; across connections (on different event loops) a
        // new connection can be accepted before the old one's close is seen, and even numbered
        // before it: a session's id is given when it starts on its own loop, so the still-open
        // session need not be number 3.
        Map<Long, List<String>> bySession = new TreeMap<>();
        for (int i = 0; i < 5; i++) {
            RecvMsgEvent ev = serverEvents.poll();
            bySession.computeIfAbsent(ev.session().id(), k -> new ArrayList<>())
                    .add(ev.message() instanceof SessionClosed c ? "closed " + c.reason() : ev.message().toString());
        }
        String accepted = SessionAccepted.INSTANCE.toString();
        assertEquals(Set.of(1L, 2L, 3L), bySession.keySet());
        List<List<String>> histories = new ArrayList<>(bySession.values());
        histories.sort(Comparator.comparingInt((List<String> h) -> h.size()));
        assertEquals(List.of(List.of(accepted), List.of(accepted, "closed IO"), List.of(accepted, "closed IO")),
                histories);
        assertEquals(3, connected.get());
    }

    @Test
    void acceptorRestartsOnTheSamePortWithThreeConnectorsEachTime() throws Exception {
        int port = net.closeAfterTest(ReservedPort.reserve()).port();
        TcpAcceptor server = net.tcpAcceptor(serverEvents, b -> b.address("127.0.0.1:" + port));
        for (int round = 0; round < 2; round++) {
            server.start().join();
            assertEquals(port, server.port());
            for (int i = 0; i < 3; i++) {
                net.start(net.tcpConnector(port, EventCallback.NONE, b -> b));
            }
            for (int i = 0; i < 3; i++) {
                serverEvents.expect(SessionAccepted.class);
            }
            server.stop().get(5, TimeUnit.SECONDS);
            // stop completes only after every session's SessionClosed was posted
            assertEquals(3, serverEvents.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(CloseReason.MANUAL, serverEvents.expect(SessionClosed.class).reason());
            }
            assertEquals(0, server.sessionCount());
            assertEquals(0, server.port());
        }
    }

    @Test
    void portZeroGivesTheBoundPortAndStartingTwiceIsANoOp() {
        TcpAcceptor server = net.start(net.tcpAcceptor(EventCallback.NONE, b -> b));
        int port = server.port();
        assertTrue(port > 0);
        server.start().join();
        assertEquals(port, server.port());
        assertEquals(PeerState.RUNNING, server.state());
        assertTrue(server.isReady());
    }

    @Test
    void aPortRangeTakesTheFirstFreePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int p = taken.getLocalPort();
            TcpAcceptor server = net.tcpAcceptor(EventCallback.NONE, b -> b.address("127.0.0.1:" + p + "~" + (p + 20)));
            server.start().join();
            assertTrue(server.port() > p && server.port() <= p + 20, "bound " + server.port());
        }
    }

    @Test
    void aBindFailureIsReportedToTheCaller() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            TcpAcceptor server = net.tcpAcceptor(EventCallback.NONE,
                    b -> b.address("127.0.0.1:" + taken.getLocalPort()));
            CompletionException e = assertThrows(CompletionException.class, () -> server.start().join());
            assertInstanceOf(BindException.class, e.getCause());
            assertEquals(PeerState.STOPPED, server.state());
        }
    }

    @Test
    void contextValuesOnSessionsAndPeers() {
        ContextKey<String> player = ContextKey.of("player", String.class);
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        server.setContext("sd", null);
        assertTrue(server.containsContext("sd"));
        assertNull(server.getContext("sd"));
        net.start(net.tcpConnector(server.port(), EventCallback.NONE, b -> b));
        var session = serverEvents.expectEvent(SessionAccepted.class).session();
        session.setContext(player, "alice");
        assertEquals("alice", server.session(session.id()).getContext(player));
        assertSame(session.as(Channel.class), session.as(Channel.class));
        assertTrue(session.as(Channel.class).isActive());
        assertSame(server, session.peer());
    }

    @Test
    void peersByTypeNameWithProcessorsByName() {
        GenericPeer server = Peers.newGenericPeer("tcp.Acceptor", "by-name", "127.0.0.1:0", net.queue("q"),
                Processors.bundle("tcp.ltv", serverEvents));
        server.start().join();
        try {
            assertSame(serverEvents, server.processorBundle().callback());
            int port = server.as(TcpAcceptor.class).port();
            net.start(net.tcpConnector(port, EventCallback.NONE, b -> b));
            assertNotEquals(0, serverEvents.expectEvent(SessionAccepted.class).session().id());
        } finally {
            server.stop().join();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Peers.newGenericPeer("tcp.Nope", "x", "127.0.0.1:0", net.queue("q2"),
                        Processors.bundle("tcp.ltv", EventCallback.NONE)));
        assertTrue(e.getMessage().contains("tcp.Acceptor"), e.getMessage());
    }
}
