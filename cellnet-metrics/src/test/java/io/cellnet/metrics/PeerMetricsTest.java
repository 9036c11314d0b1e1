package io.cellnet.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.ReconnectPolicy;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.metrics.Fixture.Note;
import io.cellnet.metrics.Fixture.Ping;
import io.cellnet.metrics.Fixture.Pong;
import io.cellnet.netty.TcpPeers;
import io.cellnet.observe.Observer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-peer meters, over real TCP peers on 127.0.0.1 and a real registry. */
class PeerMetricsTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Fixture f = new Fixture();
    private final Observer observer = CellnetMetrics.builder(f.registry).messageTypes(Ping.class, Pong.class).build();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private TcpAcceptor echoServer() {
        return f.start(TcpPeers.acceptor().name("server").address("127.0.0.1:0").registry(f.messages)
                .observer(observer).callback(ev -> {
                    if (ev.message() instanceof Ping p) {
                        ev.session().send(new Pong(p.Text()));
                    }
                }).build());
    }

    private TcpConnector client(int port) {
        return f.start(TcpPeers.connector().name("client").address("127.0.0.1:" + port).registry(f.messages)
                .observer(observer).build());
    }

    private static String[] server(String... more) {
        String[] tags = {"peer", "server", "type", "acceptor", "transport", "tcp.ltv"};
        String[] all = new String[tags.length + more.length];
        System.arraycopy(tags, 0, all, 0, tags.length);
        System.arraycopy(more, 0, all, tags.length, more.length);
        return all;
    }

    private static String[] client(String... more) {
        String[] tags = {"peer", "client", "type", "connector", "transport", "tcp.ltv"};
        String[] all = new String[tags.length + more.length];
        System.arraycopy(tags, 0, all, 0, tags.length);
        System.arraycopy(more, 0, all, tags.length, more.length);
        return all;
    }

    @Test
    void sessionsBytesAndMessagesByOptedInTypeMove() {
        TcpAcceptor s = echoServer();
        TcpConnector c = client(s.port());
        await().atMost(BOUND).until(() -> f.gauge("cellnet.sessions.active", server()) == 1);
        assertEquals(1, f.count("cellnet.sessions.opened", server("kind", "accepted")));
        await().atMost(BOUND).until(() -> f.count("cellnet.sessions.opened", client("kind", "connected")) == 1);
        assertEquals(1, f.gauge("cellnet.sessions.active", client()));

        for (int i = 0; i < 3; i++) {
            assertEquals(SendResult.QUEUED, c.session().send(new Ping("p" + i)));
        }
        assertEquals(SendResult.QUEUED, c.session().send(new Note("n")));
        await().atMost(BOUND).until(() -> f.count("cellnet.messages.received", client("message", "Pong")) == 3);
        assertEquals(3, f.count("cellnet.messages.received", server("message", "Ping")));
        assertEquals(1, f.count("cellnet.messages.received", server("message", "other")));
        assertEquals(3, f.count("cellnet.messages.sent", client("message", "Ping")));
        assertEquals(1, f.count("cellnet.messages.sent", client("message", "other")));
        assertEquals(3, f.count("cellnet.messages.sent", server("message", "Pong")));
        // 4 frames of at least 6 bytes each way (2 size + 2 id + body)
        assertTrue(f.count("cellnet.bytes.read", server()) >= 24, () -> "" + f.count("cellnet.bytes.read", server()));
        assertTrue(f.count("cellnet.bytes.written", client()) >= 24);
        await().atMost(BOUND).until(() -> f.count("cellnet.bytes.written", server()) >= 18
                && f.count("cellnet.bytes.read", client()) == f.count("cellnet.bytes.written", server()));

        c.stop().join();
        await().atMost(BOUND).until(() -> f.gauge("cellnet.sessions.active", server()) == 0);
        assertEquals(1, f.count("cellnet.sessions.closed", server("reason", "io")));
        assertEquals(1, f.count("cellnet.sessions.closed", client("reason", "manual")));
        assertEquals(0, f.gauge("cellnet.sessions.active", client()));
    }

    @Test
    void peersBuiltWithoutAnObserverOrABindingReportNothing() {
        TcpAcceptor s = f.start(TcpPeers.acceptor().name("plain").address("127.0.0.1:0").registry(f.messages)
                .callback(ev -> {
                    if (ev.message() instanceof Ping p) {
                        ev.session().send(new Pong(p.Text()));
                    }
                }).build());
        CompletableFuture<Pong> answer = new CompletableFuture<>();
        TcpConnector c = f.start(TcpPeers.connector().name("plain-client").address("127.0.0.1:" + s.port())
                .registry(f.messages).callback(ev -> {
                    if (ev.message() instanceof Pong p) {
                        answer.complete(p);
                    }
                }).build());
        await().atMost(BOUND).until(() -> c.session().isOpen());
        c.session().send(new Ping("quiet"));
        assertEquals(new Pong("quiet"), answer.orTimeout(10, TimeUnit.SECONDS).join());
        // (this test's observer, made but given to no peer here, registered only its RPC and relay meters)
        assertTrue(f.registry.getMeters().stream().noneMatch(m -> m.getId().getTag("peer") != null),
                f.registry::getMetersAsString);
        assertTrue(c.session().as(io.netty.channel.Channel.class).pipeline().get("cellnet-bytes") == null);
    }

    @Test
    void anIdleSessionClosesAsIdle() throws Exception {
        TcpAcceptor s = f.start(TcpPeers.acceptor().name("server").address("127.0.0.1:0").registry(f.messages)
                .observer(observer).socketDeadline(Duration.ofMillis(100), Duration.ZERO).build());
        try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
            assertTrue(idle.isConnected());
            await().atMost(BOUND).until(() -> f.count("cellnet.sessions.closed", server("reason", "idle")) == 1);
            assertEquals(0, f.gauge("cellnet.sessions.active", server()));
        }
    }

    @Test
    void malformedFramesCloseAsBadInputAndAreCounted() throws Exception {
        TcpAcceptor s = echoServer();
        for (String hex : new String[] {"02003412", "05004112ffff01"}) {   // unknown id; undecodable body
            try (Socket bad = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
                bad.setSoTimeout(10_000);
                bad.getOutputStream().write(HexFormat.of().parseHex(hex));
                bad.getOutputStream().flush();
                assertEquals(-1, bad.getInputStream().read());
            }
        }
        await().atMost(BOUND).until(() -> f.count("cellnet.sessions.closed", server("reason", "bad_input")) == 2);
        assertEquals(2, f.count("cellnet.frames.malformed", server()));
        assertEquals(0, f.count("cellnet.sessions.closed", server("reason", "io")));
    }

    @Test
    void refusedSendsAreCountedByResultAndQueuedWritesDroppedAtCloseToo() throws Exception {
        CompletableFuture<Session> accepted = new CompletableFuture<>();
        TcpAcceptor s = f.start(TcpPeers.acceptor().name("server").address("127.0.0.1:0").registry(f.messages)
                .observer(observer).callback(ev -> {
                    if (ev.message() instanceof SessionAccepted) {
                        accepted.complete(ev.session());
                    }
                }).build());
        Socket client = f.closeLater(new Socket(InetAddress.getLoopbackAddress(), s.port()));
        client.setReceiveBufferSize(4096);
        Session session = accepted.get(10, TimeUnit.SECONDS);
        String big = "x".repeat(1000);
        int queued = 0;
        SendResult r;
        while ((r = session.send(new Ping(big))) == SendResult.QUEUED) {   // until the outbound bound
            queued++;
        }
        assertEquals(1, f.count("cellnet.send.results", server("result", r.name().toLowerCase())));
        assertEquals(queued, f.count("cellnet.messages.sent", server("message", "Ping")));
        client.setSoLinger(true, 0);
        client.close();
        await().atMost(BOUND).until(() -> f.count("cellnet.messages.dropped", server()) > 0);
        double dropped = f.count("cellnet.messages.dropped", server());
        assertTrue(dropped <= queued, dropped + " of " + queued);
        assertTrue(f.count("cellnet.bytes.dropped", server()) >= dropped * big.length());
        assertEquals(SendResult.CLOSED, session.send(new Ping("late")));
        assertEquals(1, f.count("cellnet.send.results", server("result", "closed")));
    }

    @Test
    void connectionsOverALimitAreRefused() throws Exception {
        TcpAcceptor s = f.start(TcpPeers.acceptor().name("server").address("127.0.0.1:0").registry(f.messages)
                .observer(observer).maxSessions(1).build());
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
            // admitted before the second arrives: each channel is admitted on its own event loop
            await().atMost(BOUND).until(() -> f.gauge("cellnet.sessions.active", server()) == 1);
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
                second.setSoTimeout(10_000);
                InputStream in = second.getInputStream();
                assertEquals(-1, in.read());
            }
            await().atMost(BOUND).until(() -> f.count("cellnet.connections.refused",
                    server("limit", "max_connections")) == 1);
            assertEquals(1, f.gauge("cellnet.sessions.active", server()));
            OutputStream out = first.getOutputStream();
            assertTrue(out != null && !first.isClosed());
        }
    }

    @Test
    void aConnectorCountsAttemptsFailuresReconnectsAndItsState() throws Exception {
        TcpAcceptor probe = f.start(TcpPeers.acceptor().name("probe").address("127.0.0.1:0").build());
        int port = probe.port();
        probe.stop().join();   // nothing listens on the port now
        TcpConnector c = f.start(TcpPeers.connector().name("client").address("127.0.0.1:" + port)
                .registry(f.messages).observer(observer).reconnect(ReconnectPolicy.fixed(Duration.ofMillis(50)))
                .build());
        await().atMost(BOUND).until(() -> f.count("cellnet.connector.failures", client()) >= 2);
        assertTrue(f.count("cellnet.connector.attempts", client()) >= 2);
        assertEquals(1, f.gauge("cellnet.connector.state", client()));

        f.start(TcpPeers.acceptor().name("server").address("127.0.0.1:" + port).registry(f.messages)
                .observer(observer).build());
        await().atMost(BOUND).until(() -> f.gauge("cellnet.connector.state", client()) == 2);
        assertEquals(1, f.count("cellnet.connector.reconnects", client()));
        assertEquals(1, f.timed("cellnet.connector.reconnect.time", client()));
        assertTrue(c.session().isOpen());

        c.stop().join();
        assertEquals(0, f.gauge("cellnet.connector.state", client()));
    }
}
