package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.ReservedPort;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.stream.NettyTcpAcceptor;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server restarts: three reconnecting connectors against an acceptor stopped and started again 20
 * times on the same port. Reconnect delays run on a {@link ManualScheduler}, so each round is
 * exactly one attempt per connector and no round waits for real time.
 */
class ServerRestartTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    static final int RESTARTS = 20;
    private static final Duration RETRY = Duration.ofSeconds(1);

    @Test
    void everyConnectorReconnectsAfterEachOfTwentyRestartsAndNothingIsLeft() throws Exception {
        int port = net.closeAfterTest(ReservedPort.reserve()).port();
        NettyTcpAcceptor server = (NettyTcpAcceptor) net.tcpAcceptor(Echo.after(EventCallback.NONE),
                b -> b.address("127.0.0.1:" + port));
        server.start().join();
        ManualScheduler clock = new ManualScheduler();
        List<TcpConnector> clients = new ArrayList<>();
        List<RecordingEventCallback> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordingEventCallback ev = new RecordingEventCallback();
            events.add(ev);
            clients.add(net.tcpConnector(port, ev, b -> b.reconnect(ReconnectPolicy.fixed(RETRY)).scheduler(clock)));
        }
        clients.forEach(c -> c.start().join());
        assertAllConnectedAndEcho(server, clients, events, clock, 0);
        for (int round = 1; round <= RESTARTS; round++) {
            server.stop().get(5, TimeUnit.SECONDS);
            for (RecordingEventCallback ev : events) {
                assertEquals(CloseReason.IO, ev.expect(SessionClosed.class).reason());
            }
            assertEquals(0, server.sessionCount());
            assertEquals(0, server.channelCount());
            clock.awaitPendingTasks(3, NetFixtures.WAIT);                // one reconnect timer per connector
            server.start().join();
            clock.advance(RETRY);
            assertAllConnectedAndEcho(server, clients, events, clock, round);
        }
        for (TcpConnector c : clients) {
            NetFixtures.stop(c);
        }
        NetFixtures.stop(server);
        assertEquals(0, server.sessionCount());
        assertEquals(0, server.channelCount());
        assertEquals(0, clock.pendingTasks());
        clock.advance(RETRY.multipliedBy(10));
        events.forEach(ev -> {
            assertEquals(CloseReason.MANUAL, ev.expect(SessionClosed.class).reason());
            ev.assertNoMoreEvents();
        });
        Leaks.assertNothingLeft();
    }

    private static void assertAllConnectedAndEcho(NettyTcpAcceptor server, List<TcpConnector> clients,
            List<RecordingEventCallback> events, ManualScheduler clock, int round) {
        for (int i = 0; i < clients.size(); i++) {
            events.get(i).expect(SessionConnected.class);
            assertEquals(round + 1, clients.get(i).session().id(), "one connection per round");
            clients.get(i).session().send(new TestEchoAck("round", round));
            assertEquals(new TestEchoAck("round", round), events.get(i).expect(TestEchoAck.class));
        }
        await().atMost(NetFixtures.WAIT).until(() -> server.sessionCount() == 3);
        assertEquals(3, server.channelCount());
        assertEquals(0, clock.pendingTasks());
        Leaks.assertGroupUsers(1, 3);
        assertTrue(NetFixtures.cellnetThreads().size() <= 1 + 2 * Runtime.getRuntime().availableProcessors(),
                () -> "threads: " + NetFixtures.cellnetThreads());
    }
}
