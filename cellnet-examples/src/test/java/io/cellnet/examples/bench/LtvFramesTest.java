package io.cellnet.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.MessageRegistry;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.EchoMessages;
import io.cellnet.testing.EmbeddedPeer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frames the benchmark writes itself are byte for byte the frames a cellnet peer sends. */
class LtvFramesTest {

    @ParameterizedTest
    @ValueSource(strings = {"json", "binary"})
    void aFrameIsWhatTcpLtvSends(String codec) {
        MessageRegistry registry = EchoMessages.registry(codec);
        EmbeddedPeer peer = EmbeddedPeer.builder().registry(registry).build();
        try {
            for (TestEchoAck m : new TestEchoAck[] {new TestEchoAck("hello", 1234), new TestEchoAck("", -1),
                    new TestEchoAck("x".repeat(1000), 7)}) {
                assertEquals(peer.encodeHex(m), HexFormat.of().formatHex(LtvFrames.encode(m, registry)));
            }
        } finally {
            peer.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "binary"})
    void goSFrameOfTheEchoMessage(String codec) {
        String expected = codec.equals("json")
                ? "1e004112" + HexFormat.of().formatHex("{\"Msg\":\"hello\",\"Value\":1234}".getBytes(StandardCharsets.UTF_8))
                : "0d004112050068656c6c6fd2040000";
        assertEquals(expected, HexFormat.of().formatHex(LtvFrames.encode(new TestEchoAck("hello", 1234),
                EchoMessages.registry(codec))));
    }

    @Test
    void aFrameOverGoSSizeFieldOrAnUnregisteredMessageIsRefused() {
        MessageRegistry registry = EchoMessages.registry("binary");
        int fits = 0xFFFF - 2 - 6;          // size = msgid (2) + binary body (2-byte length, text, 4-byte int)
        assertEquals(0xFFFF + 2, LtvFrames.encode(new TestEchoAck("x".repeat(fits), 1), registry).length);
        assertThrows(IllegalArgumentException.class,
                () -> LtvFrames.encode(new TestEchoAck("x".repeat(fits + 1), 1), registry));
        assertThrows(IllegalArgumentException.class, () -> LtvFrames.encode("not registered", registry));
    }
}
