package io.cellnet.netty.codec.json;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.Fuzz;
import io.cellnet.netty.codec.Paths;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * The json fast path against Jackson alone ({@link JsonCodec#JACKSON_ONLY}) on generated messages
 * and bodies: the same bytes out, and the same object or the same {@link CodecException} in,
 * through every buffer kind. Coverage checks make sure the fast path really takes most of them.
 */
class JsonFastPathDifferentialTest {
    private static final JsonCodec FAST = JsonCodec.INSTANCE;
    private static final JsonCodec JACKSON = JsonCodec.JACKSON_ONLY;

    @Property(tries = 3000, shrinking = ShrinkingMode.OFF)
    void encodesAsJackson(@ForAll("messages") Object message) throws Throwable {
        Object expected = outcome(() -> text(JACKSON.encode(message)));
        assertEquals(expected, outcome(() -> text(Paths.encodeAll(FAST, message))));
        ByteBuf out = Unpooled.buffer();
        try {
            boolean taken = plan(message.getClass()).encode(message, out);
            assertEquals(allFinite(message), taken, "the fast path takes every message with finite floats");
            if (taken) {
                assertEquals(expected, text(out.array(), out.writerIndex()));
            }
            Statistics.label("encoded by").collect(taken ? "fast path" : "Jackson");
        } finally {
            out.release();
        }
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void jacksonOutputTakesTheFastPathBack(@ForAll("finiteMessages") Object message) throws Throwable {
        byte[] json = JACKSON.encode(message);
        Object fast = fastOnly(json, message.getClass());
        assertNotNull(fast, () -> "declined: " + text(json, json.length));
        assertEquals(JsonFlatMessages.values(JACKSON.decode(json, message.getClass())), JsonFlatMessages.values(fast));
    }

    @Property(tries = 6000, shrinking = ShrinkingMode.OFF)
    void decodesAsJackson(@ForAll("bodies") Tuple2<Class<?>, byte[]> input) throws Throwable {
        Class<?> type = input.get1();
        byte[] body = input.get2();
        Object expected = outcome(() -> JsonFlatMessages.values(JACKSON.decode(body, type)));
        assertEquals(expected, outcome(() -> JsonFlatMessages.values(FAST.decode(body, type))));
        for (ByteBuf in : buffers(body)) {
            try {
                assertEquals(kind(expected), kind(outcome(() -> JsonFlatMessages.values(FAST.decode(in, type)))));
            } finally {
                in.release();
            }
        }
        Object fast = fastOnly(body, type);
        if (fast != null) {
            assertEquals(expected, JsonFlatMessages.values(fast), "the fast path took it");
        }
        Statistics.label("Jackson's answer").collect(expected instanceof String ? "error" : "value");
        Statistics.label("Jackson's answer").coverage(c -> {
            c.check("error").percentage(p -> p > 15);
            c.check("value").percentage(p -> p > 15);
        });
        if (!(expected instanceof String)) {
            Statistics.label("valid body decoded by").collect(fast != null ? "fast path" : "Jackson");
            Statistics.label("valid body decoded by").coverage(c -> c.check("fast path").percentage(p -> p > 30));
        }
    }

    @Provide
    Arbitrary<Object> messages() {
        return Arbitraries.of(JsonFlatMessages.TYPES).flatMap(t -> JsonFlatMessages.instances(t, false));
    }

    @Provide
    Arbitrary<Object> finiteMessages() {
        return Arbitraries.of(JsonFlatMessages.TYPES).flatMap(t -> JsonFlatMessages.instances(t, true));
    }

    @Provide
    Arbitrary<Tuple2<Class<?>, byte[]>> bodies() {
        return Arbitraries.of(JsonFlatMessages.TYPES).flatMap(t -> {
            Arbitrary<byte[]> valid = JsonFlatInputs.bodies(t);
            Arbitrary<byte[]> mutated = valid.flatMap(b -> Fuzz.mutationsOf(List.of(b)));
            return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, mutated)).map(b -> Tuple.of(t, b));
        });
    }

    private static JsonFlatPlan plan(Class<?> type) {
        JsonFlatPlan plan = JsonFlatPlan.of(type);
        assertNotNull(plan, () -> type + " has no fast path");
        return plan;
    }

    /** The fast path alone on a heap buffer: the object, or null where it defers to Jackson. */
    private static @Nullable Object fastOnly(byte[] body, Class<?> type) throws Throwable {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        try {
            return plan(type).decode(in);
        } finally {
            in.release();
        }
    }

    /** The body at a non-zero reader index of heap, direct and pooled buffers. */
    private static List<ByteBuf> buffers(byte[] body) {
        List<ByteBuf> out = List.of(Unpooled.buffer(body.length + 1), Unpooled.directBuffer(body.length + 1),
                PooledByteBufAllocator.DEFAULT.directBuffer(body.length + 1));
        for (ByteBuf b : out) {
            b.writeByte(0x7B).writeBytes(body).readByte();
        }
        return out;
    }

    private static boolean allFinite(Object message) {
        return JsonFlatMessages.values(message).stream().allMatch(v -> v instanceof Double d ? Double.isFinite(d)
                : !(v instanceof Float f) || Float.isFinite(f));
    }

    /** The bytes as a String of the same length, one character per byte. */
    private static String text(byte[] bytes) {
        return text(bytes, bytes.length);
    }

    private static String text(byte[] bytes, int length) {
        return new String(bytes, 0, length, ISO_8859_1);
    }

    /** The value, or the {@link CodecException}'s message as a String "CodecException: ...". */
    private static Object outcome(Callable<?> call) throws Exception {
        try {
            return call.call();
        } catch (CodecException e) {
            return "CodecException: " + e.getMessage();
        }
    }

    /** An outcome with error messages reduced to "error" (they name the input's source). */
    private static Object kind(Object outcome) {
        return outcome instanceof String ? "error" : outcome;
    }
}
