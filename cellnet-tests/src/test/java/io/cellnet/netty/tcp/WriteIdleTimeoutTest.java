package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.IdleTimeoutException;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.EchoTestCodec;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The write side of {@code socketDeadline(readIdle, writeIdle)}: Netty's write timeout, which
 * closes a session whose write does not complete in time (a peer that stopped reading), and which
 * leaves a session that simply writes nothing alone.
 */
class WriteIdleTimeoutTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    static final Duration WRITE_TIMEOUT = Duration.ofMillis(300);

    private final RecordingEventCallback events = new RecordingEventCallback();

    @Test
    void aWriteTheRemoteDoesNotReadClosesTheSessionWithIdleTimeoutException() throws Exception {
        TcpAcceptor server = net.tcpAcceptor(events, b -> b.socketDeadline(Duration.ZERO, WRITE_TIMEOUT)
                .socketBuffer(-1, 4096, true));
        server.start().join();
        try (RawClient stalled = new RawClient(server.port())) {
            Session session = events.expectEvent(SessionAccepted.class).session();
            long start = System.nanoTime();
            while (session.send(SlowConsumerTest.BIG) == SendResult.QUEUED) {
                // fill the socket and the outbound buffer: the client never reads
            }
            Duration filled = Duration.ofNanos(System.nanoTime() - start);
            SessionClosed closed = events.expect(SessionClosed.class);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(CloseReason.IO, closed.reason());
            IdleTimeoutException cause = assertInstanceOf(IdleTimeoutException.class, closed.cause());
            assertEquals("no write for 300 ms", cause.getMessage());
            assertTrue(took.compareTo(WRITE_TIMEOUT.minusMillis(50)) >= 0
                    && took.compareTo(filled.plus(WRITE_TIMEOUT).plusSeconds(1)) < 0,
                    "closed after " + took.toMillis() + " ms (filling took " + filled.toMillis() + " ms)");
            stalled.readUntilClosed();
        }
    }

    @Test
    void aSessionThatWritesNothingStaysOpenBeyondTheWriteTimeout() throws Exception {
        TcpAcceptor server = net.tcpAcceptor(events, b -> b.socketDeadline(Duration.ZERO, WRITE_TIMEOUT));
        server.start().join();
        try (RawClient idle = new RawClient(server.port())) {
            Session session = events.expectEvent(SessionAccepted.class).session();
            await().during(WRITE_TIMEOUT.multipliedBy(3)).atMost(WRITE_TIMEOUT.multipliedBy(3).plusSeconds(2))
                    .until(session::isOpen);
            assertNull(events.pollOrNull(Duration.ZERO), "no event while idle");
            // writes that complete in time do not close it either
            TestEchoAck small = new TestEchoAck("w", 1);
            int frame = EchoTestCodec.INSTANCE.encode(small).length + 4;
            for (int i = 0; i < 3; i++) {
                assertEquals(SendResult.QUEUED, session.send(small));
            }
            idle.read(3 * frame);
            await().during(WRITE_TIMEOUT.multipliedBy(2)).atMost(WRITE_TIMEOUT.multipliedBy(2).plusSeconds(2))
                    .until(session::isOpen);
            assertNull(events.pollOrNull(Duration.ZERO), "no close after the writes");
            assertTrue(session.isOpen());
        }
    }
}
