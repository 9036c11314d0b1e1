package io.cellnet.netty.udp;

import static io.cellnet.netty.udp.Datagrams.echoServer;
import static io.cellnet.netty.udp.Datagrams.helloEchoed;
import static io.cellnet.netty.udp.Datagrams.send;
import static io.cellnet.netty.udp.Datagrams.socket;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.SessionAccepted;
import io.cellnet.UdpAcceptor;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.net.DatagramSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed datagrams are logged at DEBUG on {@code io.cellnet.netty.udp}, at most one line per
 * second per peer: a burst gives one line (two if it straddles a second) naming the peer, the
 * sender and the cause.
 */
class UdpDropLogTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private static final int BURST = 50;
    /** A well-formed udp.ltv datagram with an id nobody registered (0x1234). */
    private static final String UNKNOWN_ID = "0600 3412 0000";

    @Test
    void aBurstOfMalformedDatagramsGivesOneDebugLineNamingThePeerAndTheCause() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        UdpAcceptor server = echoServer(net, events);
        DatagramSocket client = socket(net);
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < BURST; i++) {
                send(client, server.port(), UNKNOWN_ID);
            }
            helloEchoed(client, server.port());
            await().atMost(NetFixtures.WAIT).until(() -> server.droppedDatagrams() == BURST);
            List<String> lines = log.lines("DEBUG", "io.cellnet.netty.udp", "peer 'server': dropped a datagram from "
                    + client.getLocalSocketAddress());
            assertTrue(!lines.isEmpty() && lines.size() <= 2, "log lines: " + log.lines("dropped a datagram"));
            assertTrue(lines.get(0).endsWith(": io.cellnet.FrameException: msg not exists, '4660'"), lines.get(0));
            assertTrue(log.lines("at io.cellnet.netty").isEmpty(), "the cause is in the line, without a stack trace");
        }
        events.expect(SessionAccepted.class);
        assertEquals(new TestEchoAck("hello", 1234), events.expect(TestEchoAck.class));
        events.assertNoMoreEvents();
    }
}
