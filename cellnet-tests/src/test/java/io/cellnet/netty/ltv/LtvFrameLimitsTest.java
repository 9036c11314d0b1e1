package io.cellnet.netty.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.FrameException;
import io.cellnet.MessageMeta;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.SessionInit;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.ltv.LtvModel.BinMsg;
import io.cellnet.netty.ltv.LtvModel.JsonMsg;
import io.cellnet.netty.ltv.LtvModel.ProtoMsg;
import io.cellnet.testing.EmbeddedPeer;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Undersize, oversize and system-id frames through the peer's pipeline: each refused frame closes
 * the session with the documented cause and reaches no callback, and nothing after it is decoded;
 * frames at the limits pass.
 */
class LtvFrameLimitsTest {
    static final int MAX = 100;

    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);

    @AfterEach
    void noMemoryLeft() {
        assertEquals(0, alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory());
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
        EmbeddedPeer peer = peer(max);
        peer.writeInbound(hex + hex);
        assertFalse(peer.channel().isOpen());
        peer.events().expect(SessionAccepted.class);
        SessionClosed closed = peer.events().expect(SessionClosed.class);
        assertEquals(CloseReason.IO, closed.reason());
        assertInstanceOf(cause, closed.cause());
        peer.events().assertNoMoreEvents();
        peer.close();
    }

    @Test
    void framesAtTheLimitsAndEmptyBodiesThatDecodeAreDelivered() {
        EmbeddedPeer limited = peer(MAX);
        limited.writeInbound(frameOfSize(MAX - 1)).writeInbound(header(ProtoMsg.class));
        assertTrue(limited.channel().isOpen());
        limited.events().expect(SessionAccepted.class);
        limited.events().expect(BinMsg.class);
        assertEquals(LtvModel.key(new ProtoMsg("", 0, List.of(), new byte[0])),
                LtvModel.key(limited.events().expect(ProtoMsg.class)), "an empty protoplus body is all defaults");
        limited.close();

        EmbeddedPeer unlimited = peer(0);
        unlimited.writeInbound(frameOfSize(0xFFFF));
        assertTrue(unlimited.channel().isOpen());
        unlimited.events().expect(SessionAccepted.class);
        unlimited.events().expect(BinMsg.class);
        unlimited.close();
    }

    private EmbeddedPeer peer(int maxPacketSize) {
        return EmbeddedPeer.builder().registry(LtvModel.REGISTRY).maxPacketSize(maxPacketSize)
                .option(ChannelOption.ALLOCATOR, alloc).build();
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
}
