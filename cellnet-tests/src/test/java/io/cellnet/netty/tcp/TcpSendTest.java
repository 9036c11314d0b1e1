package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.PeerState;
import io.cellnet.RawPacket;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.ReservedPort;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Send results, graceful close and per-thread ordering of {@code Session.send}. */
class TcpSendTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());
    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    /** The session of a connector connected to a started acceptor, both recording their events. */
    private Session connectedSession() {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        TcpConnector client = net.start(net.tcpConnector(server.port(), clientEvents, b -> b));
        clientEvents.expect(SessionConnected.class);
        return client.session();
    }

    @Test
    void sendOfNullIsRefusedAtTheCallNamingTheParameterAndTheSessionLivesOn() {
        Session s = connectedSession();
        NullPointerException e = assertThrows(NullPointerException.class, () -> s.send(null));
        assertEquals("message", e.getMessage());
        assertEquals(SendResult.QUEUED, s.send(new TestEchoAck("after null", 1)));
        assertEquals(new TestEchoAck("after null", 1), serverEvents.expectSkipping(TestEchoAck.class, SessionAccepted.class));
    }

    @Test
    void sendAfterCloseIsRefusedWithoutException() {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        TcpConnector client = net.start(net.tcpConnector(server.port(), EventCallback.NONE, b -> b));
        Session session = serverEvents.expectEvent(SessionAccepted.class).session();
        session.close();
        assertFalse(session.isOpen());
        assertEquals(SendResult.CLOSED, session.send(new TestEchoAck("late", 1)));
        assertEquals(CloseReason.MANUAL, serverEvents.expect(SessionClosed.class).reason());
        assertEquals(SendResult.CLOSED, session.send(new TestEchoAck("later", 2)));
        assertTrue(server.isRunning());
        assertEquals(PeerState.STOPPED, client.stop().thenApply(v -> client.state()).join());
    }

    @Test
    void oversizeUnregisteredAndSystemMessagesAreRefusedAndTheSessionLivesOn() {
        Session s = connectedSession();
        // body = 2 + text + 4 bytes; the largest body is 65533 (size field 65535)
        assertEquals(SendResult.TOO_LARGE, s.send(new TestEchoAck("x".repeat(65528), 0)));
        assertEquals(SendResult.TOO_LARGE, s.send(new RawPacket(4673, new byte[65534])));
        assertEquals(SendResult.ENCODE_FAILED, s.send(new Object()));
        assertEquals(SendResult.ENCODE_FAILED, s.send(SessionAccepted.INSTANCE));
        assertEquals(SendResult.QUEUED, s.send(new TestEchoAck("y".repeat(65527), 1)));
        assertEquals(SendResult.QUEUED, s.send(new TestEchoAck("still here", 7)));
        serverEvents.expect(SessionAccepted.class);
        assertEquals(65527, serverEvents.expect(TestEchoAck.class).Msg().length());
        assertEquals(new TestEchoAck("still here", 7), serverEvents.expect(TestEchoAck.class));
    }

    @Test
    void aConnectorWithoutConnectionRefusesByDefault() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(net.closeAfterTest(ReservedPort.reserve()).port(), events, b -> b);
        assertThrows(CompletionException.class, () -> client.start().join(), "no reconnect policy: the start fails");
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertEquals(0, error.attempt());
        assertFalse(error.willRetry());
        assertEquals(SendResult.NOT_CONNECTED, client.session().send(new TestEchoAck("x", 1)));
        assertNull(client.session().remoteAddress());
    }

    @Test
    void bufferedSendsGoOutInOrderAfterTheNextConnect() throws Exception {
        Duration retry = Duration.ofMillis(50);
        RefusedConnector r = RefusedConnector.start(net, ReconnectPolicy.fixed(retry),
                b -> b.disconnectedSendPolicy(DisconnectedSendPolicy.buffer(3)));
        for (int i = 0; i < 3; i++) {
            assertEquals(SendResult.BUFFERED, r.client().session().send(new TestEchoAck("b", i)));
        }
        assertEquals(SendResult.OVERFLOW, r.client().session().send(new TestEchoAck("b", 3)));
        net.tcpAcceptor(serverEvents, b -> b.address(r.address())).start().join();
        r.retry(retry);
        r.events().expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        for (int i = 0; i < 3; i++) {
            assertEquals(new TestEchoAck("b", i), serverEvents.expect(TestEchoAck.class));
        }
    }

    @Test
    void aQueueTaskThatSendsToAnotherQueuesPeerThenWaitsForTheAnswer() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(ev -> {
            if (ev.message() instanceof TestEchoAck) {
                ev.reply(ev.message());
            }
        }, b -> b));
        CompletableFuture<TestEchoAck> echo = new CompletableFuture<>();
        TcpConnector client = net.tcpConnector(server.port(), ev -> {
            if (ev.message() instanceof TestEchoAck m) {
                echo.complete(m);
            }
        }, b -> b);
        client.start().join();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(client::isReady);
        EventQueue gameLoop = net.queue("game");
        CompletableFuture<TestEchoAck> seenByTask = new CompletableFuture<>();
        gameLoop.post(() -> {
            client.session().send(new TestEchoAck("sent from a batch", 1));
            try {
                seenByTask.complete(echo.get(5, java.util.concurrent.TimeUnit.SECONDS));
            } catch (Exception e) {
                seenByTask.completeExceptionally(e);
            }
        });
        assertEquals(new TestEchoAck("sent from a batch", 1), seenByTask.get(10, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Test
    void aCallbackThatSendsThenBlocksUntilThePeerAnswersNeedsNoFlush() throws Exception {
        // The callback runs in a batch of the connector's own queue, so its write is put off until
        // the batch ends; it then blocks until the server has the message: only the queue's
        // watchdog can let the write out.
        java.util.concurrent.CountDownLatch serverGotIt = new java.util.concurrent.CountDownLatch(1);
        TcpAcceptor server = net.start(net.tcpAcceptor(ev -> {
            if (ev.message() instanceof TestEchoAck) {
                serverGotIt.countDown();
            }
        }, b -> b));
        EventQueue gameLoop = net.queue("game");
        CompletableFuture<Boolean> released = new CompletableFuture<>();
        TcpConnector client = net.tcpConnector(server.port(), ev -> {
            if (ev.message() instanceof SessionConnected) {
                ev.session().send(new TestEchoAck("sent, then blocked", 1));
                try {
                    released.complete(serverGotIt.await(5, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    released.completeExceptionally(e);
                }
            }
        }, b -> b.queue(gameLoop));
        client.start().join();
        assertTrue(released.get(10, java.util.concurrent.TimeUnit.SECONDS), "the server got the message");
    }

    @Test
    void gracefulCloseWritesEverythingSentBeforeIt() {
        Session s = connectedSession();
        for (int i = 0; i < 1000; i++) {
            assertEquals(SendResult.QUEUED, s.send(new TestEchoAck("m", i)));
        }
        s.close();
        serverEvents.expect(SessionAccepted.class);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, serverEvents.expect(TestEchoAck.class).Value());
        }
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        assertEquals(CloseReason.MANUAL, clientEvents.expect(SessionClosed.class).reason());
    }

    @Test
    void eachSenderThreadsMessagesArriveInOrderIncludingTheEventLoops() throws Exception {
        int perThread = 10_000;
        Session s = connectedSession();
        Runnable[] senders = IntStream.range(0, 4).mapToObj(t -> (Runnable) () -> {
            for (int i = 0; i < perThread; i++) {
                s.send(new TestEchoAck("t" + t, i));
            }
        }).toArray(Runnable[]::new);
        CompletableFuture<?> onLoop = new CompletableFuture<>();
        s.as(Channel.class).eventLoop().execute(() -> {
            senders[0].run();
            onLoop.complete(null);
        });
        List<CompletableFuture<Void>> others = List.of(CompletableFuture.runAsync(senders[1]),
                CompletableFuture.runAsync(senders[2]), CompletableFuture.runAsync(senders[3]));
        serverEvents.expect(SessionAccepted.class);
        Map<String, Integer> next = new HashMap<>();
        for (int i = 0; i < 4 * perThread; i++) {
            TestEchoAck m = serverEvents.expect(TestEchoAck.class);
            int expected = next.getOrDefault(m.Msg(), 0);
            assertEquals(expected, m.Value(), "order of " + m.Msg());
            next.put(m.Msg(), expected + 1);
        }
        onLoop.join();
        others.forEach(CompletableFuture::join);
        assertEquals(Map.of("t0", perThread, "t1", perThread, "t2", perThread, "t3", perThread), next);
    }
}
