package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every StringHash value observed from Go (reference §1.2), for strings and for their UTF-8 bytes. */
class StringHashTest {

    private static Arguments text(String s, int id) {
        return Arguments.of("\"" + s + "\"", s, id);
    }

    static Stream<Arguments> goVectors() {
        return Stream.of(
                text("main.TestEchoACK", 4673),
                text("tests.TestEchoACK", 58287),
                text("cellnet.SessionAccepted", 43922),
                text("cellnet.SessionConnected", 20908),
                text("cellnet.SessionConnectError", 909),
                text("cellnet.SessionClosed", 40147),
                text("cellnet.SessionCloseNotify", 19848),
                text("cellnet.SessionInit", 27629),
                text("rpc.RemoteCallREQ", 33699),
                text("rpc.RemoteCallACK", 61066),
                text("relay.RelayACK", 2743),
                text("rpcRemoteCallREQ", 58645),
                text("rpcRemoteCallACK", 20476),
                text("relayRelayACK", 45545),
                text("proto.ChatREQ", 16234),
                text("proto.ChatACK", 43601),
                text("", 0),
                text("a", 12513),
                text("A", 8385),
                text("中文.消息", 59385),
                text("emoji.\uD83D\uDE00", 28770),
                Arguments.of("bytes x 0xFF y", new byte[] {'x', (byte) 0xFF, 'y'}, 17806));
    }

    @ParameterizedTest(name = "StringHash({0}) = {2}")
    @MethodSource("goVectors")
    void matchesGo(String label, Object input, int expected) {
        int actual = input instanceof String s ? StringHash.hash(s) : StringHash.hash((byte[]) input);
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "StringHash(utf8 of {0}) = {2}")
    @MethodSource("goVectors")
    void utf8BytesOfEachStringMatchGo(String label, Object input, int expected) {
        byte[] bytes = input instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) input;
        assertEquals(expected, StringHash.hash(bytes));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                // Go's vector: 0xFF is hashed as U+FFFD.
                Arguments.of(new byte[] {'x', (byte) 0xFF, 'y'}, "x\uFFFDy"),
                // A truncated 3-byte sequence: each bad byte is one U+FFFD, as Go's range does.
                Arguments.of(new byte[] {'a', (byte) 0xE4, (byte) 0xB8}, "a\uFFFD\uFFFD"),
                // An overlong encoding of '/' and a UTF-16 surrogate encoded in UTF-8 are invalid.
                Arguments.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, "\uFFFD\uFFFD"),
                Arguments.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\uFFFD\uFFFD\uFFFD"));
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void invalidUtf8BytesHashAsReplacementCharacters(byte[] bytes, String asGoDecodesIt) {
        assertEquals(StringHash.hash(asGoDecodesIt), StringHash.hash(bytes));
    }
}
