package io.cellnet.netty.ws;

import static io.cellnet.netty.ws.RawWs.HELLO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.ws.WsTransmitter;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The golden WebSocket message and frames of the reference (§3.2), byte for byte, both ways. */
class WsWireTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    /** The server's answer frame Go sent: FIN + binary, unmasked, 13 bytes. */
    static final String SERVER_FRAME = "820d" + HELLO;

    @Test
    void encodesOneBinaryMessageWithoutASizeField() {
        ByteBuf out = Unpooled.buffer();
        assertEquals(SendResult.QUEUED, WsTransmitter.INSTANCE.encode(new TestEchoAck("hello", 1234),
                net.registry(), out));
        assertEquals(HELLO, ByteBufUtil.hexDump(out));
        Object frame = WsTransmitter.INSTANCE.wrapFrame(out);
        assertTrue(frame instanceof BinaryWebSocketFrame);
        ((BinaryWebSocketFrame) frame).release();
    }

    @Test
    void anAcceptorAnswersGosClientFrameWithGosServerFrame() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.wsAcceptor(Echo.everything(events), WsOptions.DEFAULT, b -> b));
        try (RawWs client = RawWs.connect(server.port())) {
            String head = client.upgrade("/ws");
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            assertTrue(head.contains(RawWs.acceptKey(RawWs.KEY)), head);
            client.sendMasked(0x2, HELLO);
            assertEquals(SERVER_FRAME, client.read(15));
        }
        events.expect(SessionAccepted.class);
        assertEquals(new TestEchoAck("hello", 1234), events.expect(TestEchoAck.class));
    }

    @Test
    void aConnectorSendsGosClientMessageMaskedAndDecodesGosServerFrame() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(5000);
            RecordingEventCallback events = new RecordingEventCallback();
            TcpConnector client = net.wsConnector("ws://127.0.0.1:" + listener.getLocalPort() + "/ws", events,
                    WsOptions.DEFAULT, b -> b);
            CompletableFuture<Void> started = client.start();   // completes once connected (no reconnect policy)
            try (RawWs server = new RawWs(listener.accept())) {
                String request = server.readHead();
                assertTrue(request.startsWith("GET /ws HTTP/1.1\r\n"), request);
                server.accept(request);
                events.expect(SessionConnected.class);
                started.join();
                assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("hello", 1234)));
                assertEquals("82:" + HELLO, server.readFrame());
                server.writeHex(SERVER_FRAME);
                assertEquals(new TestEchoAck("hello", 1234), events.expect(TestEchoAck.class));
            }
        }
    }
}
