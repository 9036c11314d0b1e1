package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.PeerState;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code stop()} of a connector completes within a second while it connects and while it is
 * connected (the reconnect wait and a server coming back are in {@link TcpReconnectTest}); with a
 * stalled reader, the graceful close of a stop takes up to the close timeout.
 */
class ConnectorStopTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private static final long PROMPT_MILLIS = 1000;
    private static final Duration RETRY = Duration.ofMillis(1);

    /** The connectors' reconnect delays: a reconnect after the stop would run at the next advance. */
    private final ManualScheduler clock = new ManualScheduler();
    /** The acceptor's events. */
    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    /** The connector's events. */
    private final RecordingEventCallback events = new RecordingEventCallback();

    @Test
    void stopWhileTheConnectionIsStillConnectingIsPrompt() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        CountDownLatch tcpUp = new CountDownLatch(1);
        // the TCP connect completes but the session never starts: a handshake that hangs
        TcpConnector client = net.tcpConnector(server.port(), events,
                b -> b.reconnect(ReconnectPolicy.fixed(RETRY)).scheduler(clock).pipeline(ch -> ch.pipeline()
                        .addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                tcpUp.countDown();
                            }
                        })));
        client.start().join();
        assertTrue(tcpUp.await(5, TimeUnit.SECONDS), "the connection is up");
        serverEvents.expect(SessionAccepted.class);
        assertFalse(client.isReady());
        assertStopIsPrompt(client);
        assertEquals(0, clock.advance(RETRY.multipliedBy(10)), "no reconnect after the stop");
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        events.assertNoMoreEvents();
        NetFixtures.stop(server);
        Leaks.assertNothingLeft();
    }

    @Test
    void stopWhileConnectedIsPromptAndClosesTheSessionGracefully() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        TcpConnector client = net.tcpConnector(server.port(), events,
                b -> b.reconnect(ReconnectPolicy.fixed(RETRY)).scheduler(clock));
        client.start().join();
        events.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        assertStopIsPrompt(client);
        assertEquals(0, clock.advance(RETRY.multipliedBy(10)), "no reconnect after the stop");
        assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        events.assertNoMoreEvents();
        // the acceptor forgets the session just after its close is delivered
        await().atMost(NetFixtures.WAIT).until(() -> server.sessionCount() == 0);
        NetFixtures.stop(server);
        Leaks.assertNothingLeft();
    }

    @Test
    void stopWhileConnectedToAStalledReaderTakesUpToTheCloseTimeout() throws Exception {
        Duration closeTimeout = Duration.ofMillis(300);
        // a listener that never accepts nor reads: the kernel completes the connect, nothing drains
        try (ServerSocket stalled = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpConnector client = net.tcpConnector(stalled.getLocalPort(), events, b -> b.closeTimeout(closeTimeout));
            client.start().join();
            events.expect(SessionConnected.class);
            TestEchoAck big = new TestEchoAck("x".repeat(60_000), 1);
            while (client.session().send(big) == SendResult.QUEUED) {
                // fill the socket and the outbound buffer
            }
            long t0 = System.nanoTime();
            client.stop().get(5, TimeUnit.SECONDS);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(took >= closeTimeout.toMillis() - 50 && took < closeTimeout.toMillis() + PROMPT_MILLIS,
                    "stop() took " + took + " ms");
            assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
            assertEquals(PeerState.STOPPED, client.state());
        }
        Leaks.assertNothingLeft();
    }

    private static void assertStopIsPrompt(TcpConnector client) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<Void> stopped = client.stop();
        stopped.get(5, TimeUnit.SECONDS);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(took < PROMPT_MILLIS, "stop() took " + took + " ms");
        assertEquals(PeerState.STOPPED, client.state());
    }
}
