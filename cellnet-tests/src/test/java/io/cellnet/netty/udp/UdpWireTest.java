package io.cellnet.netty.udp;

import static io.cellnet.netty.udp.Datagrams.HELLO;
import static io.cellnet.netty.udp.Datagrams.connected;
import static io.cellnet.netty.udp.Datagrams.echoServer;
import static io.cellnet.netty.udp.Datagrams.hex;
import static io.cellnet.netty.udp.Datagrams.receive;
import static io.cellnet.netty.udp.Datagrams.send;
import static io.cellnet.netty.udp.Datagrams.socket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.FrameException;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.internal.udp.UdpTransmitter;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.DatagramSocket;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The golden datagrams of the reference (§3.1), byte for byte, and the MTU limit. */
class UdpWireTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());
    /** The events of the peer each test watches (the acceptor, or the connector when there is one). */
    private final RecordingEventCallback events = new RecordingEventCallback();

    /** Go's captured datagram: size 0x20 counts the whole datagram, id 4673, the json body. */
    static final String JSON_HELLO = "2000 4112 7b224d7367223a2268656c6c6f222c2256616c7565223a313233347d";
    /** The same message framed the TCP way (size without itself), which Go's udp.ltv drops. */
    static final String TCP_STYLE_HELLO = "1e00 4112 7b224d7367223a2268656c6c6f222c2256616c7565223a313233347d";

    @Test
    void encodesAndDecodesGosJsonDatagramByteForByte() {
        MessageRegistry json = NetFixtures.registry(JsonCodec.INSTANCE);
        ByteBuf out = Unpooled.buffer();
        try {
            assertEquals(SendResult.QUEUED, UdpTransmitter.INSTANCE.encode(new TestEchoAck("hello", 1234), json, out));
            assertEquals(hex(JSON_HELLO), ByteBufUtil.hexDump(out));
            assertEquals(new TestEchoAck("hello", 1234), UdpTransmitter.decode(json, out));
        } finally {
            out.release();
        }
    }

    @Test
    void encodesTheBinaryBodyWithTheWholeDatagramAsSize() {
        ByteBuf out = Unpooled.buffer();
        try {
            UdpTransmitter.INSTANCE.encode(new TestEchoAck("hello", 1234), net.registry(), out);
            assertEquals(hex(HELLO), ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
    }

    @Test
    void anAcceptorEchoesGosDatagramIdenticallyAndDropsTheTcpStyleSize() throws Exception {
        UdpAcceptor server = echoServer(net, events, b -> b.registry(NetFixtures.registry(JsonCodec.INSTANCE)));
        DatagramSocket client = socket(net);
        send(client, server.port(), TCP_STYLE_HELLO);
        send(client, server.port(), JSON_HELLO);
        assertEquals(hex(JSON_HELLO), receive(client));
        events.expect(SessionAccepted.class);
        assertEquals(new TestEchoAck("hello", 1234), events.expect(TestEchoAck.class));
        assertEquals(1, server.droppedDatagrams());
        events.assertNoMoreEvents();
    }

    @Test
    void aDatagramOfExactlyTheMtuIsSentAndOneByteMoreIsTooLarge() throws Exception {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        UdpAcceptor server = echoServer(net, serverEvents);
        UdpConnector client = connected(net, server.port(), events);
        // header 4 + string length 2 + int 4 = 10 bytes around the text
        String fits = "x".repeat(UdpTransmitter.MTU - 10);
        assertEquals(SendResult.TOO_LARGE, client.session().send(new TestEchoAck(fits + "x", 1)));
        assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck(fits, 2)));
        assertEquals(new TestEchoAck(fits, 2), events.expect(TestEchoAck.class));
        assertEquals(0, server.droppedDatagrams());
    }

    @Test
    void decodeRefusesWhatGoPanicsOn() {
        for (String twoOrThree : new String[] {"0200", "030041"}) {
            ByteBuf in = Unpooled.wrappedBuffer(HexFormat.of().parseHex(twoOrThree));
            assertThrows(FrameException.class, () -> UdpTransmitter.decode(net.registry(), in));
            in.release();
        }
    }
}
