package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cellnet.CloseReason;
import io.cellnet.PeerState;
import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.netty.Echo;
import io.cellnet.netty.LtvFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.stream.NettyTcpAcceptor;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The session manager of a real TCP acceptor (Go's {@code CoreSessionManager}): ids count up from
 * the configured base, {@code visitSessions} sees every live session and stops when told,
 * {@code closeAllSessions} closes each one with {@link CloseReason#MANUAL} while the acceptor goes
 * on accepting, and no session or channel stays open after the stop.
 */
class AcceptorSessionsTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();

    @Test
    void idsStartAtOneByDefault() throws Exception {
        NettyTcpAcceptor server = (NettyTcpAcceptor) net.tcpAcceptor(Echo.after(serverEvents), b -> b);
        server.start().join();
        List<RawClient> clients = List.of(new RawClient(server.port()), new RawClient(server.port()));
        assertEquals(List.of(1L, 2L), acceptedIds(2));
        for (RawClient c : clients) {
            c.close();
        }
        assertEquals(Set.of(1L, 2L), closedIds(2, CloseReason.IO));
        assertStoppedWithNothingOpen(server);
    }

    @Test
    void sessionsAreCountedVisitedAndAllClosedWhileTheAcceptorKeepsAccepting() throws Exception {
        NettyTcpAcceptor server = (NettyTcpAcceptor) net.tcpAcceptor(Echo.after(serverEvents), b -> b.idBase(100));
        server.start().join();
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                clients.add(new RawClient(server.port()));
            }
            assertEquals(List.of(100L, 101L, 102L), acceptedIds(3));
            assertEquals(3, server.sessionCount());
            assertEquals(3, server.channelCount());
            assertEquals(3, net.channels().size());

            List<Long> visited = new ArrayList<>();
            server.visitSessions(s -> visited.add(s.id()));
            assertEquals(Set.of(100L, 101L, 102L), new HashSet<>(visited));
            assertEquals(3, visited.size());
            for (long id : visited) {
                Session s = server.session(id);
                assertNotNull(s);
                assertEquals(id, s.id());
            }
            List<Long> first = new ArrayList<>();
            server.visitSessions(s -> !first.add(s.id()));
            assertEquals(1, first.size(), "a visitor returning false stops the visit");
            assertNull(server.session(103));

            server.closeAllSessions();
            assertEquals(Set.of(100L, 101L, 102L), closedIds(3, CloseReason.MANUAL));
            for (RawClient c : clients) {
                assertEquals("", c.readUntilClosed(), "the socket is closed by the server");
            }
            net.awaitChannelsClosed();
            await().atMost(NetFixtures.WAIT).until(() -> server.sessionCount() == 0 && server.channelCount() == 0);
            server.visitSessions(s -> {
                throw new AssertionError("visited a closed session " + s);
            });

            try (RawClient late = new RawClient(server.port())) {
                assertEquals(List.of(103L), acceptedIds(1));
                assertEquals(1, server.sessionCount());
                late.write(LtvFrames.HELLO);
                assertEquals(LtvFrames.HELLO, late.read(LtvFrames.HELLO.length() / 2));
                serverEvents.expect(TestEchoAck.class);
                assertEquals(4, net.channels().size());
                assertEquals(1, net.channels().stream().filter(Channel::isOpen).count());
            }
            assertEquals(Set.of(103L), closedIds(1, CloseReason.IO));
        } finally {
            for (RawClient c : clients) {
                c.close();
            }
        }
        serverEvents.assertNoMoreEvents();
        assertStoppedWithNothingOpen(server);
    }

    /** The ids of the next {@code n} {@code SessionAccepted} events, in order. */
    private List<Long> acceptedIds(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecvMsgEvent ev = serverEvents.expectEvent(SessionAccepted.class);
            ids.add(ev.session().id());
        }
        ids.sort(null);
        return ids;
    }

    /** The ids of the next {@code n} {@code SessionClosed} events, each with {@code reason}. */
    private Set<Long> closedIds(int n, CloseReason reason) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            RecvMsgEvent ev = serverEvents.expectEvent(SessionClosed.class);
            assertEquals(reason, ((SessionClosed) ev.message()).reason(), ev.toString());
            assertFalse(ev.session().isOpen());
            ids.add(ev.session().id());
        }
        return ids;
    }

    /** Stops the acceptor: no session, no accepted channel, no listening channel is left. */
    private static void assertStoppedWithNothingOpen(NettyTcpAcceptor server) {
        NetFixtures.stop(server);
        assertEquals(0, server.sessionCount());
        assertEquals(0, server.channelCount());
        assertFalse(server.isReady(), "the listening channel is closed");
        assertSame(PeerState.STOPPED, server.state());
    }
}
