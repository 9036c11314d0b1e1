package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.DrainHook;
import io.cellnet.DrainResult;
import io.cellnet.EventCallback;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.ws.WsOptions;
import io.cellnet.testing.ReservedPort;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TcpAcceptor#drain} over real connections on 127.0.0.1: the listener closes (new connects
 * are refused), the hook runs once per open session, sessions that leave count as left, the rest
 * are closed at the deadline, and every message written before the drain and by the hook reaches
 * its client, counted one by one and in order, before the connection closes.
 */
class AcceptorDrainTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BODY = "d".repeat(1000);
    private static final int BEFORE = 1000;   // ~1 MB per client written before the drain

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();

    /** One client's view: the Values of the messages it received, in order, and its close. */
    private static final class Client implements EventCallback {
        final ConcurrentLinkedQueue<Integer> values = new ConcurrentLinkedQueue<>();
        final CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        final boolean leavesOnBye;

        Client(boolean leavesOnBye) {
            this.leavesOnBye = leavesOnBye;
        }

        @Override
        public void onEvent(RecvMsgEvent event) {
            Object m = event.message();
            if (m instanceof SessionConnected) {
                connected.countDown();
            } else if (m instanceof SessionClosed) {
                closed.countDown();
            } else if (m instanceof TestEchoAck ack) {
                values.add(ack.Value());
                if (leavesOnBye && ack.Msg().equals("bye")) {
                    event.session().close();
                }
            }
        }

        List<Integer> valuesList() {
            return new ArrayList<>(values);
        }
    }

    private List<Session> acceptSessions(int n) {
        List<Session> accepted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            accepted.add(serverEvents.expectEvent(SessionAccepted.class).session());
        }
        return accepted;
    }

    private List<Client> connect(TcpAcceptor server, int n, boolean leavesOnBye) throws InterruptedException {
        return connect(n, leavesOnBye, c -> net.tcpConnector(server.port(), c, b -> b));
    }

    private List<Client> connect(int n, boolean leavesOnBye, Function<Client, TcpConnector> connector)
            throws InterruptedException {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Client c = new Client(leavesOnBye);
            net.start(connector.apply(c));
            assertTrue(c.connected.await(WAIT.toSeconds(), TimeUnit.SECONDS), "client " + i + " connected");
            clients.add(c);
        }
        return clients;
    }

    private static void sendBefore(List<Session> sessions) {
        for (Session s : sessions) {
            for (int v = 0; v < BEFORE; v++) {
                assertEquals(SendResult.QUEUED, s.send(new TestEchoAck(BODY, v)));
            }
        }
    }

    /** The hook: one "bye" whose Value follows the ones sent before; counts its calls per session. */
    private static DrainHook bye(ConcurrentHashMap<Long, AtomicInteger> calls) {
        return session -> {
            calls.computeIfAbsent(session.id(), id -> new AtomicInteger()).incrementAndGet();
            session.send(new TestEchoAck("bye", BEFORE));
        };
    }

    private static List<Integer> expectedValues() {
        List<Integer> expected = new ArrayList<>();
        for (int v = 0; v <= BEFORE; v++) {
            expected.add(v);
        }
        return expected;
    }

    private static DrainResult await(java.util.concurrent.CompletionStage<DrainResult> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void clientsThatLeaveWhenToldCountAsLeftAndReceivedEverything() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        List<Client> clients = connect(server, 3, true);
        List<Session> sessions = acceptSessions(3);
        sendBefore(sessions);
        ConcurrentHashMap<Long, AtomicInteger> calls = new ConcurrentHashMap<>();

        // a deadline far away: the drain can only complete because the clients leave
        DrainResult result = await(server.drain(Duration.ofMinutes(5), bye(calls)));

        assertEquals(new DrainResult(3, 0), result);
        assertEquals(3, result.sessions());
        for (Client c : clients) {
            assertTrue(c.closed.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(expectedValues(), c.valuesList());
        }
        for (Session s : sessions) {
            assertEquals(1, calls.get(s.id()).get(), "hook calls of session " + s.id());
        }
        assertEquals(0, server.sessionCount());
        assertTrue(server.isDraining());
    }

    @Test
    void clientsThatStayAreClosedAtTheDeadlineAfterEverythingWrittenReachedThem() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        List<Client> clients = connect(server, 2, false);
        List<Session> sessions = acceptSessions(2);
        sendBefore(sessions);
        ConcurrentHashMap<Long, AtomicInteger> calls = new ConcurrentHashMap<>();

        DrainResult result = await(server.drain(Duration.ofMillis(200), bye(calls)));

        assertEquals(new DrainResult(0, 2), result);
        for (Client c : clients) {
            assertTrue(c.closed.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the server closed the client");
            assertEquals(expectedValues(), c.valuesList(), "every message, in order, then the close");
        }
        for (Session s : sessions) {
            assertFalse(s.isOpen());
        }
    }

    @Test
    void aZeroDeadlineStillRunsTheHookFirstAndWritesWhatItSent() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        List<Client> clients = connect(server, 2, false);
        List<Session> sessions = acceptSessions(2);
        sendBefore(sessions);
        ConcurrentHashMap<Long, AtomicInteger> calls = new ConcurrentHashMap<>();

        DrainResult result = await(server.drain(Duration.ZERO, bye(calls)));

        assertEquals(2, result.sessions());
        assertEquals(2, calls.size());
        for (Client c : clients) {
            assertTrue(c.closed.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(expectedValues(), c.valuesList());
        }
    }

    @Test
    void newConnectsAreRefusedWhileDrainingAndTheDrainEndsWhenTheLastClientLeaves() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        int port = server.port();
        Socket stays = net.closeAfterTest(new Socket(InetAddress.getLoopbackAddress(), port));
        acceptSessions(1);
        assertTrue(server.isReady());
        assertFalse(server.isDraining());

        CompletableFuture<DrainResult> drain = server.drain(Duration.ofMinutes(5), DrainHook.NONE)
                .toCompletableFuture();

        assertTrue(server.isDraining());
        assertFalse(server.isReady());
        // the listener closes asynchronously: a connect may race it once, then is refused
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> ReservedPort.refusesConnections(port));
        assertEquals(1, server.sessionCount(), "the open session is kept");
        assertFalse(drain.isDone());

        stays.close();
        assertEquals(new DrainResult(1, 0), drain.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        serverEvents.expect(SessionClosed.class);
        serverEvents.assertNoMoreEvents();
    }

    @Test
    void aSecondCallReturnsTheFirstDrainAndCallsNoHookAgain() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        List<Client> clients = connect(server, 2, false);
        acceptSessions(2);
        AtomicInteger firstHook = new AtomicInteger();
        AtomicInteger secondHook = new AtomicInteger();

        CompletableFuture<DrainResult> first = server.drain(Duration.ofMillis(100), s -> firstHook.incrementAndGet())
                .toCompletableFuture();
        CompletableFuture<DrainResult> second = server.drain(Duration.ZERO, s -> secondHook.incrementAndGet())
                .toCompletableFuture();

        DrainResult result = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertSame(result, second.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertSame(result, await(server.drain(Duration.ZERO, DrainHook.NONE)), "after it finished as well");
        assertEquals(new DrainResult(0, 2), result);
        assertEquals(2, firstHook.get());
        assertEquals(0, secondHook.get());
        for (Client c : clients) {
            assertTrue(c.closed.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void aHookThatThrowsDoesNotStopTheDrain() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        List<Client> clients = connect(server, 2, true);
        acceptSessions(2);
        AtomicInteger calls = new AtomicInteger();

        DrainResult result = await(server.drain(Duration.ofMillis(200), s -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("game logic failed");
            }
            s.send(new TestEchoAck("bye", 0));
        }));

        // the session whose hook failed got no "bye" and stayed until the deadline
        assertEquals(2, calls.get());
        assertEquals(new DrainResult(1, 1), result);
        for (Client c : clients) {
            assertTrue(c.closed.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void drainingAStoppedAcceptorCompletesAtOnceWithNothing() throws Exception {
        TcpAcceptor built = net.track(net.tcpAcceptor(serverEvents, b -> b));
        assertEquals(DrainResult.EMPTY, await(built.drain(Duration.ofSeconds(1), DrainHook.NONE)));
        assertFalse(built.isDraining());

        TcpAcceptor stopped = net.start(net.tcpAcceptor(serverEvents, b -> b));
        NetFixtures.stop(stopped);
        assertEquals(DrainResult.EMPTY, await(stopped.drain(Duration.ofSeconds(1), DrainHook.NONE)));
        assertFalse(stopped.isDraining());
    }

    @Test
    void aStopEndsTheDrainAndARestartListensAgain() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        connect(server, 1, false);
        acceptSessions(1);
        CompletableFuture<DrainResult> drain = server.drain(Duration.ofMinutes(5), DrainHook.NONE)
                .toCompletableFuture();
        NetFixtures.stop(server);
        assertEquals(new DrainResult(1, 0), drain.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertFalse(server.isDraining());

        net.start(server);
        assertTrue(server.isReady());
        assertFalse(server.isDraining());
        connect(server, 1, false);
    }

    @Test
    void aNegativeDeadlineIsRefused() {
        TcpAcceptor server = net.track(net.tcpAcceptor(serverEvents, b -> b));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> server.drain(Duration.ofMillis(-1), DrainHook.NONE));
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }

    @Test
    void aWebSocketAcceptorDrainsTheSameWay() throws Exception {
        TcpAcceptor server = net.start(net.wsAcceptor(serverEvents, WsOptions.DEFAULT, b -> b));
        List<Client> clients = connect(1, false,
                c -> net.wsConnector(CellnetPeersExtension.wsUrl(server), c, WsOptions.DEFAULT, b -> b));
        List<Session> sessions = acceptSessions(1);
        sendBefore(sessions);

        DrainResult result = await(server.drain(Duration.ofMillis(100), bye(new ConcurrentHashMap<>())));

        assertEquals(new DrainResult(0, 1), result);
        assertTrue(clients.get(0).closed.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(expectedValues(), clients.get(0).valuesList());
    }
}
