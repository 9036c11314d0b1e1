package io.cellnet.netty;

import io.cellnet.FrameException;
import io.cellnet.codec.CodecException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** {@code tcp.ltv} frames for tests: Go's golden frame, a frame builder, and the malformed-input table. */
public final class LtvFrames {
    /** Go's frame of {@code TestEchoACK{Msg: "hello", Value: 1234}}: size 13, id 4673 (0x1241), body. */
    public static final String HELLO = "0d00" + "4112" + "0500" + "68656c6c6f" + "d2040000";

    private LtvFrames() {
    }

    /** The {@code tcp.ltv} frame of {@code m} with {@link EchoTestCodec}, as hex. */
    public static String frame(TestEchoAck m) {
        byte[] body = EchoTestCodec.INSTANCE.encode(m);
        int size = body.length + 2;
        return String.format("%02x%02x4112", size & 0xFF, size >> 8) + HexFormat.of().formatHex(body);
    }

    /**
     * The malformed-input table of the reference (§2.3): name, hex, the cause's type. The last row
     * needs {@code maxPacketSize(100)}.
     */
    public static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("size 0", "0000", FrameException.class),
                Arguments.of("size 1", "0100ff", FrameException.class),
                Arguments.of("unknown msgid", "02003412", FrameException.class),
                Arguments.of("unknown msgid with body", "04003412abcd", FrameException.class),
                Arguments.of("system id SessionClosed", "0200d39c", FrameException.class),
                Arguments.of("system id SessionAccepted", "020092ab", FrameException.class),
                Arguments.of("garbage body", "05004112ffff01", CodecException.class),
                Arguments.of("string longer than body", "080041120a0061626364", CodecException.class),
                Arguments.of("size 100 with maxPacketSize 100", "6400" + "4112" + "00".repeat(98), FrameException.class));
    }
}
