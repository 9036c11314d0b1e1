package io.cellnet.netty.codec.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cellnet.netty.codec.GoMessages.AllScalars;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.GoMessages.EchoAckClass;
import io.cellnet.netty.codec.GoMessages.Named;
import io.cellnet.netty.codec.Unsigned;
import io.cellnet.netty.codec.json.JsonCodecTest.Unsigneds;
import io.cellnet.netty.internal.codec.MessageShape;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Flat message classes for the json fast path's differential test, with random instances of any
 * of them: records and classes, renames (also of unsigned and {@code char} fields), every scalar
 * kind, class fields with non-zero initial values and a superclass, and values at the edges.
 */
final class JsonFlatMessages {
    private JsonFlatMessages() {
    }

    /** Renamed components, one only by case; "seq" is not the Java name's lower case. */
    record Renamed(@JsonProperty("id") int Id, @JsonProperty("seq") long Sequence,
            @JsonProperty("u16") @Unsigned short U16, @JsonProperty("ch") char C, @JsonProperty("kind") String Kind,
            double D) {
    }

    /** Keys with s, k and i, which have non-ASCII case variants (ſ, K, İ). */
    record Texts(String Sigma, String Ink, String Kiss) {
    }

    /** Jackson writes it with its "unknown" serializer, so the fast path leaves it alone. */
    record Empty() {
    }

    /** Superclass fields come first, with initial values a missing key keeps. */
    static class Base {
        int A = 5;
        String S = "init";
    }

    static final class Mixed extends Base {
        @JsonProperty("flag") boolean Flag = true;
        @Unsigned int U32 = 7;
        @JsonProperty("big") @Unsigned long U64;
        char C = 'x';
        double D = 1.5;
        float F = -2.5f;
        short H = 3;
        byte B = -4;
        @Unsigned byte U8 = 9;
        long L = 11;
        String T;
    }

    /** Every class the differential test runs on. */
    static final List<Class<?>> TYPES = List.of(EchoAck.class, EchoAckClass.class, AllScalars.class, Unsigneds.class,
            Named.class, Renamed.class, Texts.class, Mixed.class);

    /** The field values of a message, in field order, boxed (so -0.0 and 0.0 differ). */
    static List<Object> values(Object message) {
        List<Object> out = new ArrayList<>();
        out.add(message.getClass());
        for (MessageShape.Member m : MessageShape.of(message.getClass()).members()) {
            try {
                out.add(m.getter().invoke(message));
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }
        return out;
    }

    /** Random instances of {@code type}; {@code finite}: no NaN or infinite floats. */
    static Arbitrary<Object> instances(Class<?> type, boolean finite) {
        MessageShape shape = MessageShape.of(type);
        List<Arbitrary<Object>> fields = new ArrayList<>();
        for (MessageShape.Member m : shape.members()) {
            fields.add(value(m.type(), finite).map(v -> v));
        }
        if (fields.isEmpty()) {
            return Arbitraries.just(construct(shape, new Object[0]));
        }
        return Combinators.combine(fields).as(values -> construct(shape, values.toArray()));
    }

    private static Object construct(MessageShape shape, Object[] values) {
        try {
            return shape.construct(values);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static Arbitrary<?> value(Class<?> type, boolean finite) {
        if (type == String.class) {
            return strings().injectNull(0.1);
        }
        if (type == boolean.class) {
            return Arbitraries.of(true, false);
        }
        if (type == byte.class) {
            return Arbitraries.bytes();
        }
        if (type == short.class) {
            return Arbitraries.shorts();
        }
        if (type == char.class) {
            return Arbitraries.chars();
        }
        if (type == int.class) {
            return Arbitraries.integers();
        }
        if (type == long.class) {
            return Arbitraries.longs();
        }
        return type == float.class ? floats(finite) : doubles(finite);
    }

    /**
     * Strings of any UTF-16 content: ASCII, characters Go escapes, U+2028/U+2029, other BMP
     * characters, surrogate pairs and lone surrogates; now and then longer than Jackson's and
     * the fast path's chunks.
     */
    static Arbitrary<String> strings() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(3, Arbitraries.of("<", ">", "&", "\"", "\\", "/", "\u2028", "\u2029", "\u007f",
                        "\u0000", "\u001f", "\b", "\f", "\n", "\r", "\t", "é", "\uffff", "\ufffe", "\ufeff")),
                Tuple.of(2, Arbitraries.chars().map(String::valueOf)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT)
                        .map(Character::toString)),
                Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)));
        Arbitrary<Integer> length = Arbitraries.frequencyOf(Tuple.of(20,
                Arbitraries.integers().between(0, 12)), Tuple.of(1,
                Arbitraries.integers().between(250, 1100)));
        return length.flatMap(n -> piece.list().ofSize(n).map(l -> String.join("", l)));
    }

    static Arbitrary<Float> floats(boolean finite) {
        Arbitrary<Float> all = Arbitraries.oneOf(Arbitraries.integers().map(Float::intBitsToFloat),
                Arbitraries.floats(), Arbitraries.integers().between(-100_000, 100_000).map(i -> (float) i),
                Arbitraries.of(0f, -0f, 0.1f, 1e21f, 1e20f, 1e-7f, 1e-6f, Float.MIN_VALUE, Float.MAX_VALUE,
                        Float.MIN_NORMAL, 16777216f, 16777215f, -16777217f, Float.NaN, Float.POSITIVE_INFINITY));
        return finite ? all.filter(Float::isFinite) : all;
    }

    static Arbitrary<Double> doubles(boolean finite) {
        Arbitrary<Double> all = Arbitraries.oneOf(Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.doubles(), Arbitraries.longs().between(-1L << 54, 1L << 54).map(l -> (double) l),
                Arbitraries.of(0d, -0d, 0.1, 1e21, 1e20, 1e-7, 1e-6, Double.MIN_VALUE, Double.MAX_VALUE,
                        Double.MIN_NORMAL, 0x1p53, 0x1p53 - 1, 0.30000000000000004, Double.NaN,
                        Double.NEGATIVE_INFINITY));
        return finite ? all.filter(Double::isFinite) : all;
    }
}
