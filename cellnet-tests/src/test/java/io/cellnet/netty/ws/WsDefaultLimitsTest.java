package io.cellnet.netty.ws;

import static io.cellnet.testing.CellnetPeersExtension.wsUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WebSocket limits at their defaults: {@link WsOptions#DEFAULT_MAX_MESSAGE_SIZE} when
 * {@code maxPacketSize} is 0, and the close timeout bounding a graceful close when the client
 * stopped reading.
 */
class WsDefaultLimitsTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    /** msgid (2) + string length (2) + the string + int32 (4): a message of exactly {@code size} bytes. */
    private static TestEchoAck messageOf(int size) {
        return new TestEchoAck("x".repeat(size - 8), size);
    }

    @Test
    void aMessageAtTheDefaultMaxMessageSizePassesAndOneByteMoreClosesTheSessionWithIo() {
        assertEquals(65536, WsOptions.DEFAULT_MAX_MESSAGE_SIZE);
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.wsAcceptor(serverEvents, WsOptions.DEFAULT, b -> b));
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector client = net.start(net.wsConnector(wsUrl(server), clientEvents, WsOptions.DEFAULT, b -> b));
        clientEvents.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);

        TestEchoAck atLimit = messageOf(WsOptions.DEFAULT_MAX_MESSAGE_SIZE);
        assertEquals(SendResult.QUEUED, client.session().send(atLimit));
        assertEquals(atLimit, serverEvents.expect(TestEchoAck.class));

        assertEquals(SendResult.QUEUED, client.session().send(messageOf(WsOptions.DEFAULT_MAX_MESSAGE_SIZE + 1)));
        SessionClosed closed = serverEvents.expect(SessionClosed.class);
        assertEquals(CloseReason.IO, closed.reason());
        assertTrue(closed.cause() instanceof CorruptedWebSocketFrameException
                || closed.cause() instanceof TooLongFrameException, String.valueOf(closed.cause()));
        clientEvents.expectClosed(CloseReason.IO);
        serverEvents.assertNoMoreEvents();
    }

    @Test
    void gracefulCloseAndStopWithAStalledReaderEndWithinTheCloseTimeout() throws Exception {
        Duration closeTimeout = Duration.ofMillis(300);
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.wsAcceptor(events, WsOptions.DEFAULT, b -> b.closeTimeout(closeTimeout));
        server.start().join();
        try (RawWs first = RawWs.connect(server.port()); RawWs second = RawWs.connect(server.port())) {
            assertTrue(first.upgrade("/ws").startsWith("HTTP/1.1 101"));
            Session stalled = NetFixtures.fillUntilRefused(events.expectEvent(SessionAccepted.class).session(), messageOf(60_000));
            assertTrue(second.upgrade("/ws").startsWith("HTTP/1.1 101"));
            Session other = NetFixtures.fillUntilRefused(events.expectEvent(SessionAccepted.class).session(), messageOf(60_000));
            Duration closed = NetFixtures.timed(() -> {
                stalled.close();
                assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
            });
            Duration stopped = NetFixtures.timed(() -> server.stop().orTimeout(5, TimeUnit.SECONDS).join());
            for (Duration took : List.of(closed, stopped)) {
                assertTrue(took.compareTo(closeTimeout.minusMillis(50)) >= 0
                        && took.compareTo(closeTimeout.plusSeconds(1)) < 0, "took " + took.toMillis() + " ms");
            }
            assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
            assertTrue(!other.isOpen());
        }
        events.assertNoMoreEvents();
    }
}
