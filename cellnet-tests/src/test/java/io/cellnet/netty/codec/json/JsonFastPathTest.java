package io.cellnet.netty.codec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.GoMessages.AllScalars;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.Paths;
import io.cellnet.netty.codec.json.JsonCodecTest.Unsigneds;
import io.cellnet.netty.codec.json.JsonFlatMessages.Mixed;
import io.cellnet.netty.codec.json.JsonFlatMessages.Renamed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The json fast path on chosen cases: which classes and bodies it takes, which it leaves to
 * Jackson, and that the codec answers as Jackson alone does either way.
 */
class JsonFastPathTest {
    private static final JsonCodec FAST = JsonCodec.INSTANCE;
    private static final JsonCodec JACKSON = JsonCodec.JACKSON_ONLY;

    record Boxed(Integer I) {
    }

    record Ignoring(String A, @JsonIgnore int B) {
    }

    record Formatted(@JsonFormat(shape = JsonFormat.Shape.STRING) int A) {
    }

    static final class Getter {
        int A;

        @JsonProperty("b")
        int extra() {
            return A + 1;
        }
    }

    static final class Generic<T> {
        T value;
    }

    record Checked(int V) {
        Checked {
            if (V < 0) {
                throw new IllegalArgumentException("negative");
            }
        }
    }

    /** Its constructor decodes another message on the same thread, before the outer fields are set. */
    static final class Reentrant {
        String Msg;
        int Value;

        Reentrant() {
            Msg = FAST.decode("{\"Msg\":\"inner\",\"Value\":9}".getBytes(UTF_8), EchoAck.class).Msg();
        }
    }

    record Real(double D) {
    }

    @Test
    void flatClassesHaveAPlan() {
        for (Class<?> type : JsonFlatMessages.TYPES) {
            assertNotNull(JsonFlatPlan.of(type), type.getName());
        }
        assertNotNull(JsonFlatPlan.of(JsonCodecTest.Renamed.class), "static and transient fields do not count");
        assertNotNull(JsonFlatPlan.of(Reentrant.class));
    }

    @Test
    void everyPlanIsCompiledToAHiddenClassOfItsOwn() {
        for (Class<?> type : JsonFlatMessages.TYPES) {
            JsonFlatPlan plan = JsonFlatPlan.of(type);
            assertNotNull(plan, type.getName());
            assertTrue(plan.compiled(), type.getName());
        }
    }

    @Test
    void otherClassesStayWithJackson() {
        for (Class<?> type : List.of(JsonCodecTest.GoReal.class, JsonFlatMessages.Empty.class, Boxed.class,
                Ignoring.class, Formatted.class, Getter.class, Generic.class, Object.class, String.class, int.class,
                Runnable.class)) {
            assertNull(JsonFlatPlan.of(type), type.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Msg\":\"hello\",\"Value\":1234}",
        " {\"msg\" : \"x\" ,\n\"VALUE\":-7}\t\r\n",
        "{\"Value\":1,\"Extra\":{\"a\":[1,-2.5e+3,{\"b\":null}],\"c\":\"\\u00e9\",\"é\":true},\"Msg\":\"y\"}",
        "{\"Msg\":\"\\u003ca\\u0026B\\u003E \\ud83d\\ude00 \\ud800 \\b\\f\\n\\r\\t\\/\\\\\\\"\"}",
        "{\"Msg\":\"né😀\u2028\u007f\"}",
        "{\"Msg\":null,\"Value\":null}",
        "{}",
        "{\"Value\":-2147483648,\"Msg\":\"\"}",
        "{\"Value\":-0}",
        // in declaration order, as Go writes: each key is compared with the field's prefix
        "{\"Msg\":\"a\",\"Value\":0}",
        "{\"Msg\":\"\",\"Value\":-0}",
        "{\"Msg\":null,\"Value\":7}",
        "{\"Msg\":\"\\u00e9\\\"\",\"Value\":-9}",
        "{\"Msg\":\"x\",\"Value\":null}",
        "{\"Msg\":\"x\",\"Value\":2147483647}",
        "{\"Msg\":\"x\",\"Value\":-2147483648}",
        "{\"Msg\":\"x\"}",
        "{\"Msg\":\"x\",\"Value\":1,\"Extra\":2}",
    })
    void takesThese(String body) throws Throwable {
        assertNotNull(fastOnly(body, EchoAck.class));
        assertSameAsJackson(body, EchoAck.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Msg\":\"a\",\"Msg\":\"b\"}", // a repeated key: Jackson fails on some
        "{\"msg\":\"a\",\"Value\":1,\"MSG\":\"b\"}",
        "{\"M\\u0073g\":\"a\"}", // an escaped key
        "{\"Mſg\":\"a\"}", // a non-ASCII key
        "{\"Value\":1.0}", "{\"Value\":1e2}", "{\"Value\":2147483648}", "{\"Value\":01}", "{\"Value\":\"1\"}",
        "{\"Msg\":1}", "{\"Msg\":\"\\x\"}", "{\"Msg\":\"\u0001\"}", "{\"Msg\":\"x\",}", "{\"Msg\":\"x\"} x",
        "null", "", " ", "[]", "\uFEFF{}",
        // in declaration order
        "{\"Msg\":\"x\",\"Value\":01}", "{\"Msg\":\"x\",\"Value\":-}", "{\"Msg\":\"x\",\"Value\":1.5}",
        "{\"Msg\":\"x\",\"Value\":1e1}", "{\"Msg\":\"x\",\"Value\":-2147483649}",
        "{\"Msg\":\"x\",\"Value\":12345678901234567890}", "{\"Msg\":\"x\",\"Value\":1}}",
        "{\"Msg\":\"x\",\"Value\":1", "{\"Msg\":\"x\",\"Value\":1,\"Msg\":\"y\"}",
    })
    void leavesTheseToJackson(String body) throws Throwable {
        assertNull(fastOnly(body, EchoAck.class));
        assertSameAsJackson(body, EchoAck.class);
    }

    /** The object and the arrays in it nest {@link JsonFlatScanner#MAX_DEPTH} deep at most. */
    @Test
    void leavesDeepValuesToJackson() throws Throwable {
        assertNotNull(fastOnly(nested(JsonFlatScanner.MAX_DEPTH - 1), EchoAck.class));
        assertNull(fastOnly(nested(JsonFlatScanner.MAX_DEPTH), EchoAck.class));
        assertSameAsJackson(nested(JsonFlatScanner.MAX_DEPTH), EchoAck.class);
    }

    private static String nested(int arrays) {
        return "{\"X\":" + "[".repeat(arrays) + "]".repeat(arrays) + ",\"Msg\":\"deep\"}";
    }

    /** UTF-8 that is not well-formed: a surrogate, an overlong form, beyond U+10FFFF, a stray byte. */
    @ParameterizedTest
    @ValueSource(strings = {"eda080", "c080", "e08080", "f4908080", "ff", "80", "c3"})
    void leavesInvalidUtf8ToJackson(String hex) throws Throwable {
        byte[] body = Paths.hex("7b224d7367223a22" + hex + "227d"); // {"Msg":"<bytes>"}
        assertNull(fastOnly(body, EchoAck.class));
        assertSameAsJackson(body, EchoAck.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"U8\":1,\"U16\":2,\"C16\":3,\"U32\":4}", // a record without an unsigned field: zero, as in Go
        "{\"U8\":null,\"U16\":2,\"C16\":3,\"U32\":4,\"U64\":5}", // null into an unsigned field: zero
        "{\"U8\":1,\"U16\":2,\"C16\":null,\"U32\":4,\"U64\":5}",
        "{\"C16\":65}",
    })
    void takesMissingAndNullUnsignedsAsZero(String body) throws Throwable {
        assertNotNull(fastOnly(body, Unsigneds.class), body);
        assertSameAsJackson(body, Unsigneds.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"U8\":-0,\"U16\":2,\"C16\":3,\"U32\":4,\"U64\":5}", // Jackson reads 0
        "{\"U8\":256,\"U16\":2,\"C16\":3,\"U32\":4,\"U64\":5}",
    })
    void leavesUnsignedEdgesToJackson(String body) throws Throwable {
        assertNull(fastOnly(body, Unsigneds.class));
        assertSameAsJackson(body, Unsigneds.class);
    }

    @Test
    void leavesOtherEdgesToJackson() throws Throwable {
        String kelvin = "{\"\u212aind\":\"k\",\"u16\":1,\"ch\":2}"; // Jackson lower-cases the Kelvin sign to 'k'
        assertNull(fastOnly(kelvin, Renamed.class));
        assertEquals("k", JACKSON.decode(kelvin.getBytes(UTF_8), Renamed.class).Kind());
        assertSameAsJackson(kelvin, Renamed.class);
        String wideByte = "{\"I8\":200,\"U8\":0,\"U16\":0,\"U32\":0,\"U64\":0}"; // refused, as Go's int8 does
        assertNull(fastOnly(wideByte, AllScalars.class));
        assertSameAsJackson(wideByte, AllScalars.class);
        assertNotNull(fastOnly("{\"C\":null}", Mixed.class));
        assertSameAsJackson("{\"C\":null}", Mixed.class);
    }

    @Test
    void takesFloatsAndUnsignedsAsJacksonReadsThem() throws Throwable {
        for (String body : List.of(
                "{\"F32\":1.00000017881393432617187499,\"F64\":-0,\"U8\":0,\"U16\":0,\"U32\":0,"
                        + "\"U64\":18446744073709551615}",
                "{\"F32\":1e-7,\"F64\":-0.0,\"U8\":255,\"U16\":0,\"U32\":0,\"U64\":0}",
                "{\"F32\":123456789012345678901234567890,\"F64\":5e-324,\"I64\":-9223372036854775808,\"U8\":0,"
                        + "\"U16\":65535,\"U32\":4294967295,\"U64\":0}")) {
            assertNotNull(fastOnly(body, AllScalars.class), body);
            assertSameAsJackson(body, AllScalars.class);
        }
    }

    @Test
    void classesKeepTheirInitialValuesForMissingKeys() throws Throwable {
        String body = "{\"A\":1,\"flag\":false,\"T\":null,\"big\":18446744073709551615}";
        Mixed m = (Mixed) fastOnly(body, Mixed.class);
        assertNotNull(m);
        assertEquals(List.of(1, "init", false, 7, -1L, 'x', ""), List.of(m.A, m.S, m.Flag, m.U32, m.U64, m.C, m.T));
        assertSameAsJackson(body, Mixed.class);
    }

    @Test
    void aFailingConstructorIsReportedAsJacksonReportsIt() {
        byte[] body = "{\"V\":-1}".getBytes(UTF_8);
        CodecException expected = assertThrows(CodecException.class, () -> JACKSON.decode(body, Checked.class));
        CodecException actual = assertThrows(CodecException.class, () -> FAST.decode(body, Checked.class));
        assertEquals(expected.getMessage(), actual.getMessage());
        assertEquals(new Checked(1), FAST.decode("{\"V\":1}".getBytes(UTF_8), Checked.class));
    }

    @Test
    void aDecodeInsideAConstructorGetsItsOwnReader() {
        Reentrant r = FAST.decode("{\"Value\":5}".getBytes(UTF_8), Reentrant.class);
        assertEquals(List.of("inner", 5), List.of(r.Msg, r.Value));
        r = FAST.decode("{\"Msg\":\"outer\",\"Value\":6}".getBytes(UTF_8), Reentrant.class);
        assertEquals(List.of("outer", 6), List.of(r.Msg, r.Value));
    }

    /** Its accessor encodes another message on the same thread, in the middle of the outer one. */
    record EncodingAccessor(String Msg, int Value) {
        @Override
        public String Msg() {
            FAST.encode(new EchoAck("inner", 9));
            return Msg;
        }
    }

    @Test
    void anEncodeInsideAnAccessorIsWrittenAsJacksonWritesIt() {
        assertNotNull(JsonFlatPlan.of(EncodingAccessor.class));
        EncodingAccessor m = new EncodingAccessor("outer", 6);
        assertEquals(new String(JACKSON.encode(m), UTF_8), new String(FAST.encode(m), UTF_8));
        assertEquals("{\"Msg\":\"outer\",\"Value\":6}", new String(FAST.encode(m), UTF_8));
    }

    @Test
    void aLongStringIsWrittenAsJacksonWritesIt() {
        String text = "é😀<\"\u2028x".repeat(20_000); // many chunks of the string writer
        for (int i = 0; i < 3; i++) {
            EchoAck m = new EchoAck(text.substring(i), i);
            assertEquals(new String(JACKSON.encode(m), UTF_8), new String(FAST.encode(m), UTF_8));
        }
        assertEquals("{\"Msg\":\"x\",\"Value\":1}", new String(FAST.encode(new EchoAck("x", 1)), UTF_8));
    }

    @Test
    void nanIsJacksonsErrorWithJacksonsPartialOutput() {
        ByteBuf fast = Unpooled.buffer();
        ByteBuf jackson = Unpooled.buffer();
        try {
            CodecException expected = assertThrows(CodecException.class, () -> JACKSON.encode(new Real(Double.NaN),
                    jackson));
            CodecException actual = assertThrows(CodecException.class, () -> FAST.encode(new Real(Double.NaN), fast));
            assertEquals(expected.getMessage(), actual.getMessage());
            assertEquals(jackson, fast);
        } finally {
            fast.release();
            jackson.release();
        }
    }

    /** The fast path alone on a heap buffer: the message, or null where it defers to Jackson. */
    private static @Nullable Object fastOnly(String body, Class<?> type) throws Throwable {
        return fastOnly(body.getBytes(UTF_8), type);
    }

    private static @Nullable Object fastOnly(byte[] body, Class<?> type) throws Throwable {
        JsonFlatPlan plan = JsonFlatPlan.of(type);
        assertNotNull(plan);
        ByteBuf in = Unpooled.wrappedBuffer(body);
        try {
            return plan.decode(in);
        } finally {
            in.release();
        }
    }

    /** The codec's answer on every input path is Jackson's: the same fields, or the same error. */
    private static void assertSameAsJackson(String body, Class<?> type) {
        assertSameAsJackson(body.getBytes(UTF_8), type);
    }

    private static void assertSameAsJackson(byte[] bytes, Class<?> type) {
        Object expected;
        try {
            expected = JsonFlatMessages.values(JACKSON.decode(bytes, type));
        } catch (CodecException e) {
            CodecException actual = assertThrows(CodecException.class, () -> FAST.decode(bytes, type));
            assertEquals(e.getMessage(), actual.getMessage());
            return;
        }
        for (Object decoded : Paths.decodeAll(FAST, bytes, type)) {
            assertEquals(expected, JsonFlatMessages.values(decoded));
        }
    }
}
