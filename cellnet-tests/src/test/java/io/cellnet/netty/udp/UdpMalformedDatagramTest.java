package io.cellnet.netty.udp;

import static io.cellnet.netty.udp.Datagrams.echoServer;
import static io.cellnet.netty.udp.Datagrams.helloEchoed;
import static io.cellnet.netty.udp.Datagrams.receive;
import static io.cellnet.netty.udp.Datagrams.send;
import static io.cellnet.netty.udp.Datagrams.socket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.UdpAcceptor;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.udp.UdpTransmitter;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.net.DatagramSocket;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed datagrams are dropped (counted, logged at DEBUG): no session, no event, no close; the
 * socket keeps serving (Go's acceptor panics on some and closes its socket).
 */
class UdpMalformedDatagramTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());
    /** The events of the peer each test watches (the acceptor, or the connector when there is one). */
    private final RecordingEventCallback events = new RecordingEventCallback();

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty datagram", ""),
                Arguments.of("1 byte", "01"),
                Arguments.of("2 bytes, size matches (Go panics)", "0200"),
                Arguments.of("3 bytes, size matches (Go panics)", "030041"),
                Arguments.of("size larger than the datagram", "1000 4112 0500 68656c6c6f d2040000"),
                Arguments.of("size of tcp.ltv (without itself)", "0d00 4112 0500 68656c6c6f d2040000"),
                Arguments.of("unknown id", "0600 3412 0000"),
                Arguments.of("system id SessionClosed", "0400 d39c"),
                Arguments.of("system id SessionAccepted", "0400 92ab"),
                Arguments.of("codec error: empty body", "0400 4112"),
                Arguments.of("codec error: string longer than the body", "0a00 4112 0500 6865 6c6c"),
                Arguments.of("over the MTU, size matches", overMtu(UdpTransmitter.MTU + 1)),
                Arguments.of("over the receive buffer", overMtu(3000)));
    }

    private static String overMtu(int length) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%02x%02x", length & 0xFF, length >> 8)).append("4112");
        b.append("00".repeat(length - 4));
        return b.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isDroppedWithoutAnySessionOrEvent(String name, String datagram) throws Exception {
        UdpAcceptor server = echoServer(net, events);
        DatagramSocket client = socket(net);
        send(client, server.port(), datagram);
        helloEchoed(client, server.port());
        RecvMsgEvent accepted = events.expectEvent(SessionAccepted.class);
        assertEquals(1, accepted.session().id(), "the malformed datagram opened no session");
        assertEquals(new TestEchoAck("hello", 1234), events.expect(TestEchoAck.class));
        assertEquals(1, server.droppedDatagrams());
        events.assertNoMoreEvents();
    }

    @Test
    void malformedDatagramsNeitherCloseTheSessionNorTheSocket() throws Exception {
        UdpAcceptor server = echoServer(net, events);
        DatagramSocket client = socket(net);
        helloEchoed(client, server.port());
        long id = events.expectEvent(SessionAccepted.class).session().id();
        events.expect(TestEchoAck.class);
        for (Arguments row : malformed().toList()) {
            send(client, server.port(), (String) row.get()[1]);
        }
        helloEchoed(client, server.port());
        RecvMsgEvent ev = events.expectEvent(TestEchoAck.class);
        assertEquals(id, ev.session().id());
        assertTrue(ev.session().isOpen());
        assertEquals(malformed().count(), server.droppedDatagrams());
        assertEquals(1, server.sessionCount());
        events.assertNoMoreEvents();
    }
}
