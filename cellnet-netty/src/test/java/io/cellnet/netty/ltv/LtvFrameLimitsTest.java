package io.cellnet.netty.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.MessageMeta;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.SessionInit;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.FrameException;
import io.cellnet.netty.ltv.LtvModel.BinMsg;
import io.cellnet.netty.ltv.LtvModel.JsonMsg;
import io.cellnet.netty.ltv.LtvModel.ProtoMsg;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Undersize, oversize and system-id frames through the peer's pipeline: each refused frame closes
 * the session with the documented cause and reaches no callback; frames at the limits pass.
 */
class LtvFrameLimitsTest {
    static final int MAX = 100;

    private PipelineHarness harness;

    @AfterEach
    void noMemoryLeft() {
        assertEquals(0, harness.usedMemory());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("size 0 (short msgid)", "0000", 0, FrameException.class),
                Arguments.of("size 1 (short msgid)", "0100ff", 0, FrameException.class),
                Arguments.of("size = maxPacketSize (over size)", "6400" + "00".repeat(100), MAX, FrameException.class),
                Arguments.of("size 65535 > maxPacketSize", "ffff", MAX, FrameException.class),
                Arguments.of("id 0", "02000000", 0, FrameException.class),
                Arguments.of("unknown id", "02003412", 0, FrameException.class),
                Arguments.of("SessionAccepted id", header(SessionAccepted.class), 0, FrameException.class),
                Arguments.of("SessionConnected id", header(SessionConnected.class), 0, FrameException.class),
                Arguments.of("SessionClosed id", header(SessionClosed.class), 0, FrameException.class),
                Arguments.of("SessionConnectError id", header(SessionConnectError.class), 0, FrameException.class),
                Arguments.of("SessionInit id", header(SessionInit.class), 0, FrameException.class),
                Arguments.of("json message, empty body", header(JsonMsg.class), 0, CodecException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aRefusedFrameClosesTheSessionWithItsCauseAndReachesNoCallback(String name, String hex, int max,
            Class<? extends Throwable> cause) {
        harness = new PipelineHarness(LtvModel.REGISTRY, max);
        EmbeddedChannel ch = harness.open();
        ch.writeInbound(harness.alloc.buffer().writeBytes(HexFormat.of().parseHex(hex + hex)));
        assertFalse(ch.isOpen());
        List<Object> got = harness.messagesOf(onlySession());
        assertEquals(2, got.size(), got.toString());
        SessionClosed closed = (SessionClosed) got.get(1);
        assertEquals(CloseReason.IO, closed.reason());
        assertInstanceOf(cause, closed.cause());
        ch.finishAndReleaseAll();
    }

    @Test
    void framesAtTheLimitsAndEmptyBodiesThatDecodeAreDelivered() {
        harness = new PipelineHarness(LtvModel.REGISTRY, MAX);
        byte[] largestUnderMax = frameOfSize(MAX - 1);
        EmbeddedChannel ch = harness.open();
        ch.writeInbound(harness.alloc.buffer().writeBytes(largestUnderMax)
                .writeBytes(HexFormat.of().parseHex(header(ProtoMsg.class))));
        assertTrue(ch.isOpen());
        List<Object> got = harness.messagesOf(onlySession());
        assertEquals(3, got.size(), got.toString());
        assertEquals(new ProtoMsg("", 0, List.of(), new byte[0]).toString().replaceAll("\\[B@\\w+", ""),
                got.get(2).toString().replaceAll("\\[B@\\w+", ""), "an empty protoplus body is all defaults");
        ch.finishAndReleaseAll();
        assertEquals(0, harness.usedMemory());

        harness = new PipelineHarness(LtvModel.REGISTRY, 0);
        EmbeddedChannel noLimit = harness.open();
        noLimit.writeInbound(harness.alloc.buffer().writeBytes(frameOfSize(0xFFFF)));
        assertTrue(noLimit.isOpen());
        assertEquals(2, harness.messagesOf(onlySession()).size(), "the largest frame (size 65535) without a limit");
        noLimit.finishAndReleaseAll();
    }

    /** A binary-codec frame whose size field is exactly {@code size}. */
    private static byte[] frameOfSize(int size) {
        // body = u16 length + text + u16 count + 8 bytes
        byte[] frame = LtvModel.frame(new BinMsg("x".repeat(size - 2 - 12), new int[0], 7));
        assertEquals(size, (frame[0] & 0xFF) | (frame[1] & 0xFF) << 8);
        return frame;
    }

    /** A frame header with size 2 (no body) and the id of {@code type}. */
    private static String header(Class<?> type) {
        MessageMeta meta = LtvModel.REGISTRY.byType(type);
        return String.format("0200%02x%02x", meta.id() & 0xFF, meta.id() >> 8);
    }

    private Session onlySession() {
        assertEquals(1, harness.events.stream().filter(e -> e.message() instanceof SessionAccepted).count());
        return harness.events.get(0).session();
    }
}
