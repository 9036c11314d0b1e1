package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.WriteLedger;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.ChannelDuplexHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a session's close reads when the other side dies (what {@code kill -9} does to a client: its
 * kernel resets the connection when data was unread, else closes it): the reason text carries the
 * cause's class and message, never {@code "null"}, and the messages a send accepted
 * ({@code QUEUED}) that never left are counted in the close event and logged at WARN.
 */
class SessionCloseReportTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final RecordingEventCallback events = new RecordingEventCallback();

    /**
     * Run on the default pipeline, whose writes share a write ledger, and on one with a user handler,
     * whose writes have a promise each: the count is exact either way.
     */
    @ParameterizedTest(name = "user handler {0}")
    @ValueSource(booleans = {false, true})
    void aResetConnectionClosesWithTheResetAsItsReasonAndCountsWhatWasQueuedAndNeverWritten(boolean userHandler)
            throws IOException {
        TcpAcceptor server = net.start(net.tcpAcceptor(events, b -> userHandler
                ? b.pipeline(ch -> ch.pipeline().addLast("user", new ChannelDuplexHandler())) : b));
        Socket client = net.closeAfterTest(new Socket(InetAddress.getLoopbackAddress(), server.port()));
        try (LogCapture log = new LogCapture()) {
            client.setReceiveBufferSize(4096);
            Session session = events.expectEvent(SessionAccepted.class).session();
            Link link = (Link) Objects.requireNonNull(session.as(NettySession.class)).transport();
            assertEquals(WriteLedger.ENABLED && !userHandler, link.usesWriteLedger(), "which write path");
            String big = "x".repeat(1000);
            int queued = 0;
            while (session.send(new TestEchoAck(big, queued)) == SendResult.QUEUED) {   // until the 4 MiB bound
                queued++;
            }
            client.setSoLinger(true, 0);
            client.close();   // RST: the client is gone with data unread

            SessionClosed closed = events.expect(SessionClosed.class);
            assertEquals(CloseReason.IO, closed.reason());
            assertTrue(closed.droppedMessages() > 0 && closed.droppedMessages() <= queued,
                    closed + " of " + queued + " queued");
            assertTrue(closed.droppedBytes() >= closed.droppedMessages() * big.length(), closed::toString);
            String text = closed.describe();
            assertTrue(text.startsWith("IO: ") && text.contains("Connection reset by peer"), text);
            assertTrue(text.endsWith(", " + closed.droppedMessages() + " queued messages (" + closed.droppedBytes()
                    + " bytes) dropped"), text);
            assertFalse(text.contains("null"), text);
            log.awaitLine("WARN", "session " + session.id() + " of peer 'server'", "closed before "
                    + closed.droppedMessages() + " queued message(s) (" + closed.droppedBytes() + " bytes) were written");
        }
    }

    @Test
    void aConnectionClosedByTheOtherSideSaysSoAndDropsNothing() throws IOException {
        TcpAcceptor server = net.start(net.tcpAcceptor(events, b -> b));
        Socket client = net.closeAfterTest(new Socket(InetAddress.getLoopbackAddress(), server.port()));
        events.expect(SessionAccepted.class);
        client.close();
        SessionClosed closed = events.expect(SessionClosed.class);
        assertNull(closed.cause());
        assertEquals(0, closed.droppedMessages());
        assertEquals("IO: closed by the other side", closed.describe());
        assertEquals("SessionClosed[IO: closed by the other side]", closed.toString());
    }

    @Test
    void aCauseWithoutAMessageIsNamedByItsClass() {
        assertEquals("IO: java.nio.channels.ClosedChannelException",
                new SessionClosed(CloseReason.IO, new java.nio.channels.ClosedChannelException()).describe());
        assertEquals("MANUAL: closed by this side, 1 queued message (15 bytes) dropped",
                new SessionClosed(CloseReason.MANUAL, null, 1, 15).describe());
    }
}
