package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.Figures;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.stream.NettyTcpAcceptor;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptor limits: connections over {@code maxSessions} or {@code maxSessionsPerAddress} are closed
 * at once, counted and logged at a limited rate; a connect-and-close flood leaves existing sessions
 * served.
 */
class AcceptorLimitsTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();

    @Test
    void connectionsOverMaxSessionsAreClosedAtOnceCountedAndLoggedAtALimitedRate() throws Exception {
        NettyTcpAcceptor server = (NettyTcpAcceptor) net.tcpAcceptor(serverEvents, b -> b.maxSessions(3));
        server.start().join();
        List<RawClient> admitted = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 3; i++) {
                admitted.add(new RawClient(server.port()));
                serverEvents.expect(SessionAccepted.class);
            }
            for (int i = 0; i < 20; i++) {
                try (RawClient refused = new RawClient(server.port())) {
                    assertEquals("", refused.readUntilClosed());
                }
            }
            assertEquals(20, server.rejectedConnections());
            List<String> lines = log.lines("refused a connection", "at most 3 connections");
            assertTrue(!lines.isEmpty() && lines.size() <= 2, "log lines: " + lines);
            serverEvents.assertNoMoreEvents();
            admitted.remove(0).close();
            serverEvents.expect(SessionClosed.class);
            await().atMost(NetFixtures.WAIT).until(() -> server.channelCount() == 2);
            admitted.add(new RawClient(server.port()));
            serverEvents.expect(SessionAccepted.class);
            assertEquals(3, server.sessionCount());
        } finally {
            for (RawClient c : admitted) {
                c.close();
            }
        }
    }

    @Test
    void connectionsOverTheLimitPerRemoteAddressAreRefusedOthersAreNot() throws Exception {
        NettyTcpAcceptor server = (NettyTcpAcceptor) net.tcpAcceptor(serverEvents, b -> b.maxSessionsPerAddress(2));
        server.start().join();
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                clients.add(new RawClient(server.port()));
                serverEvents.expect(SessionAccepted.class);
            }
            try (RawClient third = new RawClient(server.port())) {
                assertEquals("", third.readUntilClosed());
            }
            clients.add(new RawClient(server.port(), "127.0.0.2"));
            serverEvents.expect(SessionAccepted.class);
            assertEquals(1, server.rejectedConnections());
            assertEquals(3, server.sessionCount());
        } finally {
            for (RawClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void aConnectionFloodLeavesExistingSessionsServed() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        NettyTcpAcceptor server = (NettyTcpAcceptor) net.tcpAcceptor(Echo.after(ev -> {
            if (ev.message() instanceof SessionAccepted) {
                accepted.incrementAndGet();
            } else if (ev.message() instanceof SessionClosed) {
                closed.incrementAndGet();
            }
        }), b -> b.maxSessions(64));
        server.start().join();
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector bystander = net.start(net.tcpConnector(server.port(), clientEvents, b -> b));
        clientEvents.expect(SessionConnected.class);
        int perThread = 750;
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        long start = System.nanoTime();
        List<CompletableFuture<int[]>> flood = IntStream.range(0, 4)
                .mapToObj(t -> CompletableFuture.supplyAsync(() -> connectAndClose(server.port(), perThread, deadline)))
                .toList();
        int echoes = 0;
        while (!flood.stream().allMatch(CompletableFuture::isDone) || echoes < 10) {
            bystander.session().send(new TestEchoAck("during", echoes));
            assertEquals(new TestEchoAck("during", echoes), clientEvents.expect(TestEchoAck.class));
            echoes++;
        }
        int cycles = flood.stream().mapToInt(f -> f.join()[0]).sum();
        int dropped = flood.stream().mapToInt(f -> f.join()[1]).sum();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(4 * perThread, cycles, "the flood finished within its bound");
        bystander.session().send(new TestEchoAck("after", 0));
        assertEquals(new TestEchoAck("after", 0), clientEvents.expect(TestEchoAck.class));
        await().atMost(NetFixtures.WAIT).until(() -> server.sessionCount() == 1 && server.channelCount() == 1
                && closed.get() == accepted.get() - 1);
        Figures.record("connection flood", cycles + " connect-and-close cycles in " + took.toMillis() + " ms ("
                + server.rejectedConnections() + " over maxSessions 64 refused, " + dropped
                + " connects timed out in the kernel's full accept queue); the existing session echoed "
                + echoes + " times during the flood");
    }

    /**
     * Opens and closes (with RST) up to {@code n} connections until {@code deadline}; returns
     * {@code {cycles, connects the kernel dropped}} (the accept queue overflows under a flood).
     */
    private static int[] connectAndClose(int port, int n, long deadline) {
        int[] result = new int[2];
        for (; result[0] < n && System.nanoTime() < deadline; result[0]++) {
            try (Socket s = new Socket()) {
                s.setSoLinger(true, 0);
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            } catch (SocketTimeoutException e) {
                result[1]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }
}
