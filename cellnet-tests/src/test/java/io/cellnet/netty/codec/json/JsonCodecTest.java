package io.cellnet.netty.codec.json;

import static io.cellnet.netty.codec.Paths.decodeAll;
import static io.cellnet.netty.codec.Paths.encodeAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.GoMessages.EchoAckClass;
import io.cellnet.netty.codec.Unsigned;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden output of Go's encoding/json (reference §2.2, §4.2) and its decoding rules. */
class JsonCodecTest {
    private static final JsonCodec CODEC = JsonCodec.INSTANCE;

    /** {@code Inner{S string; V int}}. */
    record Inner(String S, int V) {
    }

    /** The struct of Go's "real output" example; {@code Nil} and {@code Ptr} are nil there. */
    record GoReal(String Name, byte[] Bytes, int[] Nil, float F32, double F64, long Big, @Unsigned long U64,
            String Html, Inner Inner, Inner Ptr) {
    }

    /** A class with a renamed field, a private field, a static and a transient one. */
    static final class Renamed {
        static final int IGNORED_STATIC = 1;
        @JsonProperty("id") int Id;
        private String Secret = "";
        transient int Skipped;
    }

    record Unsigneds(@Unsigned byte U8, @Unsigned short U16, char C16, @Unsigned int U32, @Unsigned long U64) {
    }

    private static String encode(Object message) {
        return new String(encodeAll(CODEC, message), UTF_8);
    }

    private static <T> T decode(String json, Class<T> type) {
        List<T> all = decodeAll(CODEC, json.getBytes(UTF_8), type);
        return all.get(all.size() - 1);
    }

    @Test
    void echoAckMatchesGoFrames() {
        assertEquals("{\"Msg\":\"hello\",\"Value\":1234}", encode(new EchoAck("hello", 1234)));
        assertEquals("{\"Msg\":\"hello 0\",\"Value\":0}", encode(new EchoAck("hello 0", 0)));
        assertEquals("{\"Msg\":\"hello\",\"Value\":1234}", encode(new EchoAckClass("hello", 1234)));
        for (EchoAck d : decodeAll(CODEC, "{\"Msg\":\"hello\",\"Value\":1234}".getBytes(UTF_8), EchoAck.class)) {
            assertEquals(new EchoAck("hello", 1234), d);
        }
        EchoAckClass c = decode("{\"Msg\":\"hello\",\"Value\":1234}", EchoAckClass.class);
        assertEquals(List.of("hello", 1234), List.of(c.Msg, c.Value));
    }

    @Test
    void goRealOutputExample() {
        GoReal v = new GoReal("né\u0001", new byte[] {1, 2, 3}, null, 0.1f, 1e21, Long.MAX_VALUE, -1L, "<a&b>",
                new Inner("s", 2), null);
        String go = "{\"Name\":\"né\\u0001\",\"Bytes\":\"AQID\",\"Nil\":null,\"F32\":0.1,\"F64\":1e+21,"
                + "\"Big\":9223372036854775807,\"U64\":18446744073709551615,\"Html\":\"\\u003ca\\u0026b\\u003e\","
                + "\"Inner\":{\"S\":\"s\",\"V\":2},\"Ptr\":null}";
        assertEquals(go, encode(v));
        GoReal d = decode(go, GoReal.class);
        assertEquals(List.of("né\u0001", 0.1f, 1e21, Long.MAX_VALUE, -1L, "<a&b>", new Inner("s", 2)),
                List.of(d.Name(), d.F32(), d.F64(), d.Big(), d.U64(), d.Html(), d.Inner()));
        assertArrayEquals(new byte[] {1, 2, 3}, d.Bytes());
        assertNull(d.Nil());
        assertNull(d.Ptr());
    }

    @Test
    void escapesStringsLikeGo() {
        String s = "\b\f\n\r\t\u001f\"\\/\u007f\u2028\u2029é😀<>&";
        assertEquals("{\"Msg\":\"\\u0008\\u000c\\n\\r\\t\\u001f\\\"\\\\/\u007f\\u2028\\u2029é😀\\u003c\\u003e\\u0026\","
                + "\"Value\":0}", encode(new EchoAck(s, 0)));
        assertEquals(s, decode(encode(new EchoAck(s, 0)), EchoAck.class).Msg());
    }

    @Test
    void loneSurrogateIsEscaped() {
        // Go strings cannot hold one; Go's decoder reads this escape as U+FFFD.
        assertEquals("{\"Msg\":\"a\\ud800b\",\"Value\":0}", encode(new EchoAck("a\ud800b", 0)));
    }

    @Test
    void nullStringIsWrittenAsEmptyAndReadBackAsEmpty() {
        assertEquals("{\"Msg\":\"\",\"Value\":0}", encode(new EchoAck(null, 0)));
        assertEquals(new EchoAck("", 5), decode("{\"Msg\":null,\"Value\":5}", EchoAck.class));
        assertEquals(new EchoAck("", 5), decode("{\"Value\":5}", EchoAck.class));
    }

    @Test
    void fieldsNotGettersRenamesAndSkips() {
        Renamed r = new Renamed();
        r.Id = 7;
        r.Secret = "s";
        r.Skipped = 9;
        assertEquals("{\"id\":7,\"Secret\":\"s\"}", encode(r));
        Renamed d = decode("{\"ID\":8,\"secret\":\"t\",\"Skipped\":3}", Renamed.class);
        assertEquals(List.of(8, "t", 0), List.of(d.Id, d.Secret, d.Skipped));
    }

    @Test
    void keysMatchCaseInsensitivelyAndUnknownKeysAreIgnored() {
        assertEquals(new EchoAck("x", 7), decode("{\"msg\":\"x\",\"VALUE\":7,\"Extra\":{\"a\":[1,2]}}", EchoAck.class));
    }

    @Test
    void surroundingWhitespaceIsAccepted() {
        assertEquals(new EchoAck("x", 1), decode(" \n{\"Msg\":\"x\",\"Value\":1}\r\n\t ", EchoAck.class));
    }

    @Test
    void nullBodyIsTheZeroValue() {
        assertEquals(new EchoAck("", 0), decode("null", EchoAck.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Msg\":\"x\",\"Value\":1.5}",          // float into int
        "{\"Msg\":\"x\",\"Value\":1e3}",          // exponent into int
        "{\"Msg\":\"x\",\"Value\":4294967296}",   // overflow
        "{\"Msg\":\"x\",\"Value\":2147483648}",   // overflow by one
        "",                                     // empty body
        "   ",                                  // only whitespace
        "{\"Msg\":\"x\",\"Value\":1} x",          // trailing non-whitespace
        "{\"Msg\":\"x\",\"Value\":1}{}",          // a second value
        "{\"Msg\":1,\"Value\":1}",                // number into string
        "{\"Msg\":\"x\",\"Value\":\"1\"}",        // string into int
        "{\"Msg\":\"x\",\"Value\":true}",         // bool into int
        "[1,2]",                                // array into struct
        "{\"Msg\":\"x\"",                         // truncated
    })
    void goErrorsAreCodecExceptions(String body) {
        CodecException e = assertThrows(CodecException.class, () -> CODEC.decode(body.getBytes(UTF_8), EchoAck.class));
        assertEquals(true, e.getMessage().startsWith("json: cannot decode " + EchoAck.class.getName()), e.getMessage());
    }

    @Test
    void unsignedAndCharAreNumbers() {
        Unsigneds max = new Unsigneds((byte) -1, (short) -1, '\uffff', -1, -1L);
        String json = "{\"U8\":255,\"U16\":65535,\"C16\":65535,\"U32\":4294967295,\"U64\":18446744073709551615}";
        assertEquals(json, encode(max));
        assertEquals(max, decode(json, Unsigneds.class));
        assertEquals(new Unsigneds((byte) 1, (short) 2, 'A', 3, 4L),
                decode("{\"U8\":1,\"U16\":2,\"C16\":65,\"U32\":3,\"U64\":4}", Unsigneds.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"U8\":256}", "{\"U16\":-1}", "{\"C16\":65536}", "{\"U32\":4294967296}",
        "{\"U64\":18446744073709551616}", "{\"U64\":-1}", "{\"U32\":1.5}", "{\"C16\":\"A\"}"})
    void unsignedRangeIsEnforced(String body) {
        assertThrows(CodecException.class, () -> CODEC.decode(body.getBytes(UTF_8), Unsigneds.class));
    }

    /** A byte and floats, boxed and primitive, for Go's int8 and floatN range rules. */
    record Ranges(byte B8, Byte Boxed, float F32, double F64) {
    }

    @Test
    void missingKeysAndNullsLeaveUnsignedAndCharAtZero() {
        Unsigneds zero = new Unsigneds((byte) 0, (short) 0, '\0', 0, 0L);
        assertEquals(zero, decode("{}", Unsigneds.class));
        assertEquals(zero, decode("{\"U8\":null,\"U16\":null,\"C16\":null,\"U32\":null,\"U64\":null}",
                Unsigneds.class));
        assertEquals(new Unsigneds((byte) 0, (short) 0, 'A', 0, 0L), decode("{\"C16\":65}", Unsigneds.class));
        assertEquals(new Ranges((byte) 0, null, 0f, 0.0), decode("{\"F32\":null}", Ranges.class));
    }

    @Test
    void byteAndFloatsTakeGoRanges() {
        assertEquals(new Ranges((byte) -128, (byte) 127, Float.MAX_VALUE, 1e308),
                decode("{\"B8\":-128,\"Boxed\":127,\"F32\":3.4028235e38,\"F64\":1e308}", Ranges.class));
        assertEquals(new Ranges((byte) 0, null, 0f, 0.0), decode("{\"F32\":1e-50,\"F64\":1e-400}", Ranges.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"B8\":128}", "{\"B8\":200}", "{\"B8\":255}", "{\"B8\":-129}", "{\"Boxed\":200}",
        "{\"F32\":1e39}", "{\"F32\":-1e39}", "{\"F64\":1e400}", "{\"F64\":-1e400}",
        "{\"F64\":1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000}",
        "{\"F64\":\"1\"}"})
    void goRefusesOutOfRangeBytesAndFloats(String body) {
        CodecException e = assertThrows(CodecException.class, () -> CODEC.decode(body.getBytes(UTF_8), Ranges.class));
        assertEquals(true, e.getMessage().startsWith("json: cannot decode " + Ranges.class.getName()), e.getMessage());
    }

    @Test
    void nanHasNoJsonForm() {
        record F(double D) {
        }
        assertThrows(CodecException.class, () -> CODEC.encode(new F(Double.NaN)));
    }
}
