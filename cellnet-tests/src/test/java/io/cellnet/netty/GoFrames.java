package io.cellnet.netty;

import io.cellnet.Address;
import io.cellnet.MessageRegistry;
import io.cellnet.netty.internal.TransmitterSettings;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HexFormat;

/**
 * Whole {@code tcp.ltv} frames captured between Go peers (reference §5.3 and §6.4), for
 * {@code main.TestEchoACK{"hello", 1234}} (id 4673) with call id 1, in hex.
 */
public final class GoFrames {
    /** {@code {"Msg":"hello","Value":1234}}, 28 bytes. */
    public static final String ECHO_JSON = "7b224d7367223a2268656c6c6f222c2256616c7565223a313233347d";
    /** goobjfmt binary of the same message, 11 bytes. */
    public static final String ECHO_BINARY = "050068656c6c6fd2040000";

    public static final String RPC_REQ_JSON = "2500 15e5 | 01 c124 | 0a 1c " + ECHO_JSON + " | 11 01";
    public static final String RPC_ACK_JSON = "2500 fc4f | 01 c124 | 0a 1c " + ECHO_JSON + " | 11 01";
    public static final String RPC_REQ_BINARY = "1400 15e5 | 01 c124 | 0a 0b " + ECHO_BINARY + " | 11 01";
    public static final String RPC_ACK_BINARY = "1400 fc4f | 01 c124 | 0a 0b " + ECHO_BINARY + " | 11 01";

    /** Relay with Int64 1000, Int64Slice [-1, 2, 0], Str "passthrough", 67 bytes. */
    public static final String RELAY_JSON = "4100 e9b1 | 02 1c " + ECHO_JSON
            + " | 09 c124 | 19 e807 | 22 0c ffffffffffffffffff01 02 00 | 2a 0b 706173737468726f756768";
    public static final String RELAY_BINARY = "3000 e9b1 | 02 0b " + ECHO_BINARY
            + " | 09 c124 | 19 e807 | 22 0c ffffffffffffffffff01 02 00 | 2a 0b 706173737468726f756768";

    private GoFrames() {
    }

    /** The one message the {@code tcp.ltv} decoder makes of {@code frame}, with {@code registry}. */
    public static Object decodeFrame(MessageRegistry registry, byte[] frame) {
        EmbeddedChannel ch = new EmbeddedChannel();
        LtvTransmitter.INSTANCE.initChannel(ch.pipeline(),
                new TransmitterSettings(registry, 0, "golden", Address.parse("127.0.0.1:0"), false));
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        Object decoded = ch.readInbound();
        if (ch.readInbound() != null) {
            throw new AssertionError("more than one message in one frame");
        }
        ch.finishAndReleaseAll();
        return decoded;
    }

    /** The bytes of {@code hex}, ignoring spaces and {@code |}. */
    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(compact(hex));
    }

    /** {@code hex} without spaces and {@code |}. */
    public static String compact(String hex) {
        return hex.replace(" ", "").replace("|", "");
    }

    /** The hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
