package io.cellnet.netty.rpc;

import static io.cellnet.netty.GoFrames.ECHO_BINARY;
import static io.cellnet.netty.GoFrames.ECHO_JSON;
import static io.cellnet.netty.GoFrames.bytes;
import static io.cellnet.netty.GoFrames.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.netty.GoFrames;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go's RPC frames of reference §5.3, whole ({@code 2500 15e5 ...}), encoded and decoded by the
 * {@code tcp.ltv} transmitter with a fresh registry that knows nothing of the envelopes.
 */
class RpcGoldenFramesTest {

    static Stream<Arguments> frames() {
        return Stream.of(
                Arguments.of("json REQ", GoFrames.RPC_REQ_JSON, new RemoteCallREQ(4673, bytes(ECHO_JSON), 1)),
                Arguments.of("json ACK", GoFrames.RPC_ACK_JSON, new RemoteCallACK(4673, bytes(ECHO_JSON), 1)),
                Arguments.of("binary REQ", GoFrames.RPC_REQ_BINARY, new RemoteCallREQ(4673, bytes(ECHO_BINARY), 1)),
                Arguments.of("binary ACK", GoFrames.RPC_ACK_BINARY, new RemoteCallACK(4673, bytes(ECHO_BINARY), 1)),
                Arguments.of("second call", GoFrames.RPC_ACK_BINARY.replace("| 11 01", "| 11 02"),
                        new RemoteCallACK(4673, bytes(ECHO_BINARY), 2)),
                Arguments.of("negative call id", "1000 fc4f | 01 01 | 0a 01 ab | 16 ffffffffffffffff",
                        new RemoteCallACK(1, new byte[] {(byte) 0xAB}, -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void encodesGoBytes(String name, String frame, Object envelope) {
        ByteBuf out = Unpooled.buffer();
        try {
            assertEquals(SendResult.QUEUED, LtvTransmitter.INSTANCE.encode(envelope, MessageRegistry.create(), out));
            assertEquals(compact(frame), ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void decodesGoBytes(String name, String frame, Object envelope) {
        assertEquals(envelope, GoFrames.decodeFrame(MessageRegistry.create(), bytes(frame)));
    }
}
