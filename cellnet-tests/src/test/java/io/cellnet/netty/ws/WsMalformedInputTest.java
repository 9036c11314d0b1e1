package io.cellnet.netty.ws;

import static io.cellnet.netty.ws.RawWs.HELLO;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.FrameException;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Refused input closes the session with reason IO and the cause, after a close frame saying why;
 * nothing reaches the callback as a message (Go passes a nil message for a text frame). Bad
 * upgrade requests get an HTTP error and no session.
 */
class WsMalformedInputTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("text frame", 0x1, "68656c6c6f", "03eb"),
                Arguments.of("empty binary message", 0x2, "", "03ef"),
                Arguments.of("1-byte binary message", 0x2, "41", "03ef"),
                Arguments.of("unknown id", 0x2, "3412", "03ef"),
                Arguments.of("system id SessionClosed", 0x2, "d39c", "03ef"),
                Arguments.of("codec error", 0x2, "41120500", "03ef"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void closesTheSessionWithAReason(String name, int opcode, String payload, String closeCode) throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.wsAcceptor(Echo.everything(events), WsOptions.DEFAULT, b -> b));
        try (RawWs client = RawWs.connect(server.port())) {
            assertTrue(client.upgrade("/ws").startsWith("HTTP/1.1 101"));
            client.sendMasked(0x2, HELLO);
            assertEquals(WsWireTest.SERVER_FRAME, client.read(15));
            client.sendMasked(opcode, payload);
            String close = client.readFrame();
            assertTrue(close.startsWith("88:" + closeCode), close);   // close code (1003 or 1007), then the reason
            assertEquals(0, client.awaitClose(), "one close frame, nothing after it");
        }
        events.expect(SessionAccepted.class);
        events.expect(TestEchoAck.class);
        SessionClosed closed = events.expect(SessionClosed.class);
        assertEquals(CloseReason.IO, closed.reason());
        if (opcode == 0x1) {
            assertInstanceOf(FrameException.class, closed.cause());
            assertTrue(closed.cause().getMessage().contains("text"), closed.cause().getMessage());
        }
        events.assertNoMoreEvents();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.sessionCount() == 0);
    }

    static Stream<Arguments> overTheLimit() {
        return Stream.of(
                // 14 bytes in one frame: over; Netty's WebSocket decoder refuses it.
                Arguments.of("one frame", List.of("82" + HELLO + "00"), "Max frame length of 13 has been exceeded."),
                // 10 + 10 bytes in two fragments: over; the aggregator refuses it.
                Arguments.of("two fragments", List.of("02" + HELLO.substring(0, 20), "80" + HELLO.substring(0, 20)),
                        "content length exceeded 13 bytes."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overTheLimit")
    void aMessageOverMaxPacketSizeClosesTheSessionWithOneTooBigFrame(String name, List<String> frames, String reason)
            throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.wsAcceptor(Echo.everything(events), WsOptions.DEFAULT, b -> b.maxPacketSize(14));
        server.start().join();
        try (RawWs client = RawWs.connect(server.port())) {
            assertTrue(client.upgrade("/ws").startsWith("HTTP/1.1 101"));
            client.sendMasked(0x2, HELLO);                       // 13 bytes < 14: accepted, as on TCP
            assertEquals(WsWireTest.SERVER_FRAME, client.read(15));
            for (String frame : frames) {                        // first byte (FIN, opcode), then the payload
                client.sendFrame(Integer.parseInt(frame.substring(0, 2), 16), frame.substring(2));
            }
            assertEquals("88:03f1" + hex(reason), client.readFrame());   // 1009 and Netty's reason
            assertEquals(0, client.awaitClose(), "one close frame, no 1000 \"Bye\" after it");
        }
        events.expect(SessionAccepted.class);
        events.expect(TestEchoAck.class);
        assertEquals(CloseReason.IO, events.expect(SessionClosed.class).reason());
        events.assertNoMoreEvents();
    }

    /**
     * A frame far over the limit, most of it still unread when the server refuses it: the close
     * frame is followed by an orderly shutdown (FIN), never a reset, so that a browser reads the
     * 1009 and its reason. (Netty's WebSocket protocol handler closes the channel after passing the
     * exception on; that close waits for the linger, or the unread input would reset the connection.)
     */
    @Test
    void aFrameFarOverTheLimitGetsItsCloseFrameThenAnOrderlyShutdownNotAReset() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.wsAcceptor(Echo.everything(events), WsOptions.DEFAULT, b -> b.maxPacketSize(1024));
        server.start().join();
        try (RawWs client = RawWs.connect(server.port())) {
            assertTrue(client.upgrade("/ws").startsWith("HTTP/1.1 101"));
            int announced = 200_000;
            byte[] frame = new byte[14 + 65_536];                  // the header and the first 64 KiB of the payload
            frame[0] = (byte) 0x82;
            frame[1] = (byte) (0x80 | 127);                        // masked, 64-bit length
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (announced >>> (8 * (7 - i)));
            }
            frame[10] = 0x11;
            frame[11] = 0x22;
            frame[12] = 0x33;
            frame[13] = 0x44;
            client.writeBytes(frame);
            String close = client.readFrame();
            assertTrue(close.startsWith("88:03f1"), close);       // 1009, then the reason
            assertEquals("eof", client.nextRead(), "after the close frame");
            // the server still reads (and drops) the rest of the refused message: no reset meets it
            client.writeBytes(new byte[announced - 65_536]);
        }
        events.expect(SessionAccepted.class);
        assertEquals(CloseReason.IO, events.expect(SessionClosed.class).reason());
        events.assertNoMoreEvents();
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> badUpgrades() {
        return Stream.of(
                Arguments.of("GET /other HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: " + RawWs.KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n", "404"),
                Arguments.of("GET /ws/deeper HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: " + RawWs.KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n", "404"),
                Arguments.of("GET /ws HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
                Arguments.of("POST /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nContent-Length: 0\r\n\r\n", "400"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badUpgrades")
    void aBadUpgradeRequestGetsAnHttpErrorAndNoSession(String request, String status) throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.wsAcceptor(Echo.everything(events), WsOptions.DEFAULT, b -> b));
        try (RawWs client = RawWs.connect(server.port())) {
            client.writeText(request);
            String head = client.readHead();
            assertTrue(head.startsWith("HTTP/1.1 " + status), head);
            client.awaitClose();
        }
        events.assertNoMoreEvents();
        assertEquals(0, server.sessionCount());
    }
}
