package io.cellnet.netty.codec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.cellnet.netty.codec.Unsigned;
import io.cellnet.netty.internal.codec.GoFloats;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Jackson pieces that make output look like Go's: floats in Go's shortest form, {@code char}
 * as a number (Go's {@code uint16}), {@link Unsigned} integers written and read as unsigned, a
 * {@code null} String written as {@code ""}, and properties in declaration order. On input, as in
 * Go: a {@code byte} takes -128..127 only (Jackson also takes 128..255), a float that overflows to
 * infinity is an error (Jackson returns infinity), and a missing key or {@code null} leaves an
 * unsigned or {@code char} primitive at zero.
 *
 * <p>Thread safety: immutable once registered with the mapper.
 */
final class GoJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    GoJsonModule() {
        super("cellnet-go-json");
        addSerializer(double.class, new Ser<Double>(Double.class, (v, g) -> g.writeNumber(GoFloats.format(v))));
        addSerializer(Double.class, new Ser<Double>(Double.class, (v, g) -> g.writeNumber(GoFloats.format(v))));
        addSerializer(float.class, new Ser<Float>(Float.class, (v, g) -> g.writeNumber(GoFloats.format(v))));
        addSerializer(Float.class, new Ser<Float>(Float.class, (v, g) -> g.writeNumber(GoFloats.format(v))));
        addSerializer(char.class, new Ser<Character>(Character.class, (v, g) -> g.writeNumber((int) v)));
        addSerializer(Character.class, new Ser<Character>(Character.class, (v, g) -> g.writeNumber((int) v)));
        addDeserializer(char.class, new IntDeser<>(Character.class, 16, false, bits -> (char) bits, (char) 0));
        addDeserializer(Character.class, new IntDeser<>(Character.class, 16, false, bits -> (char) bits, null));
        addDeserializer(byte.class, new IntDeser<>(Byte.class, 8, true, bits -> (byte) bits, (byte) 0));
        addDeserializer(Byte.class, new IntDeser<>(Byte.class, 8, true, bits -> (byte) bits, null));
        addDeserializer(double.class, new FloatDeser<>(Double.class, 64, JsonParser::getDoubleValue, 0.0));
        addDeserializer(Double.class, new FloatDeser<>(Double.class, 64, JsonParser::getDoubleValue, null));
        addDeserializer(float.class, new FloatDeser<>(Float.class, 32, JsonParser::getFloatValue, 0.0f));
        addDeserializer(Float.class, new FloatDeser<>(Float.class, 32, JsonParser::getFloatValue, null));
        setSerializerModifier(new NullStringAsEmpty());
    }

    /** A {@code null} String property is written as {@code ""}: Go strings cannot be null. */
    private static final class NullStringAsEmpty extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;
        private static final Ser<Object> EMPTY = new Ser<>(Object.class, (v, g) -> g.writeString(""));

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
                List<BeanPropertyWriter> properties) {
            for (BeanPropertyWriter w : properties) {
                if (w.getType().hasRawClass(String.class)) {
                    w.assignNullSerializer(EMPTY);
                }
            }
            return properties;
        }
    }

    /** Writes one value type. */
    @FunctionalInterface
    private interface Writer<T> {
        void write(T value, JsonGenerator gen) throws IOException;
    }

    /** Turns the unsigned bits of a parsed number into the Java value. */
    @FunctionalInterface
    private interface FromBits<T> {
        T convert(long bits);
    }

    private static final class Ser<T> extends JsonSerializer<T> {
        private final Class<T> type;
        private final Writer<T> writer;

        Ser(Class<T> type, Writer<T> writer) {
            this.type = type;
            this.writer = writer;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            writer.write(value, gen);
        }
    }

    /** Reads one floating-point number from the parser. */
    @FunctionalInterface
    private interface FloatRead<T> {
        T read(JsonParser p) throws IOException;
    }

    /**
     * A number of one Go type, checked by {@link #read}; a missing key or {@code null} gives
     * {@code zero} (the primitive's zero, or {@code null} for a boxed type), as Go leaves the field
     * at its zero value.
     */
    private abstract static class GoNumberDeser<T> extends JsonDeserializer<T> {
        final Class<T> type;
        final String goType;
        private final @Nullable T zero;

        GoNumberDeser(Class<T> type, String goType, @Nullable T zero) {
            this.type = type;
            this.goType = goType;
            this.zero = zero;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public @Nullable T getNullValue(DeserializationContext ctxt) {
            return zero;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!accepts(p.currentToken())) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            return read(p, ctxt);
        }

        abstract boolean accepts(JsonToken token);

        /** The value, or an out-of-range error naming {@link #goType}. */
        abstract T read(JsonParser p, DeserializationContext ctxt) throws IOException;
    }

    /** An integer of {@code bits} width within Go's intN (signed) or uintN range. */
    private static final class IntDeser<T> extends GoNumberDeser<T> {
        private final int bits;
        private final boolean signed;
        private final FromBits<T> convert;

        IntDeser(Class<T> type, int bits, boolean signed, FromBits<T> convert, @Nullable T zero) {
            super(type, (signed ? "int" : "uint") + bits, zero);
            this.bits = bits;
            this.signed = signed;
            this.convert = convert;
        }

        @Override
        boolean accepts(JsonToken token) {
            return token == JsonToken.VALUE_NUMBER_INT;
        }

        @Override
        T read(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigInteger v = p.getBigIntegerValue();
            boolean fits = signed ? v.bitLength() < bits : v.signum() >= 0 && v.bitLength() <= bits;
            if (!fits) {
                throw ctxt.weirdNumberException(v, type, "out of range for " + goType);
            }
            return convert.convert(v.longValue());
        }
    }

    /** A float or double that must be finite, as Go's floatN. */
    private static final class FloatDeser<T> extends GoNumberDeser<T> {
        private final FloatRead<T> reader;

        FloatDeser(Class<T> type, int bits, FloatRead<T> reader, @Nullable T zero) {
            super(type, "float" + bits, zero);
            this.reader = reader;
        }

        @Override
        boolean accepts(JsonToken token) {
            return token.isNumeric();
        }

        @Override
        T read(JsonParser p, DeserializationContext ctxt) throws IOException {
            T v = reader.read(p);
            if (Double.isInfinite(((Number) v).doubleValue())) {
                throw ctxt.weirdNumberException(p.getDecimalValue(), type, "out of range for " + goType);
            }
            return v;
        }
    }

    /** Serializes a Java signed integer's bits as an unsigned number. */
    private static void writeUnsigned(long bits, int width, JsonGenerator gen) throws IOException {
        long masked = width == 64 ? bits : bits & ((1L << width) - 1);
        if (masked >= 0) {
            gen.writeNumber(masked);
        } else {
            gen.writeNumber(Long.toUnsignedString(masked));
        }
    }

    /** Finds the (de)serializers for fields marked {@link Unsigned}. */
    static final class Introspector extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public @Nullable Object findSerializer(Annotated a) {
            int width = unsignedWidth(a);
            if (width == 0) {
                return super.findSerializer(a);
            }
            return new Ser<Number>(Number.class, (v, g) -> writeUnsigned(v.longValue(), width, g));
        }

        @Override
        public @Nullable Object findDeserializer(Annotated a) {
            int width = unsignedWidth(a);
            if (width == 0) {
                return super.findDeserializer(a);
            }
            boolean primitive = a.getRawType().isPrimitive();
            switch (width) {
                case 8:
                    return new IntDeser<>(Byte.class, 8, false, bits -> (byte) bits, primitive ? Byte.valueOf((byte) 0) : null);
                case 16:
                    return new IntDeser<>(Short.class, 16, false, bits -> (short) bits, primitive ? Short.valueOf((short) 0) : null);
                case 32:
                    return new IntDeser<>(Integer.class, 32, false, bits -> (int) bits, primitive ? Integer.valueOf(0) : null);
                default:
                    return new IntDeser<>(Long.class, 64, false, bits -> bits, primitive ? Long.valueOf(0) : null);
            }
        }

        /**
         * Declaration order (superclass fields first), also for renamed properties, which Jackson
         * would otherwise move to the end; an explicit {@code @JsonPropertyOrder} still wins.
         */
        @Override
        public String @Nullable [] findSerializationPropertyOrder(AnnotatedClass ac) {
            String[] explicit = super.findSerializationPropertyOrder(ac);
            if (explicit != null) {
                return explicit;
            }
            List<String> names = new ArrayList<>();
            for (AnnotatedField f : ac.fields()) {
                PropertyName name = findNameForSerialization(f);
                names.add(name != null && name.hasSimpleName() ? name.getSimpleName() : f.getName());
            }
            return names.toArray(new String[0]);
        }

        /** 8, 16, 32 or 64 for an {@link Unsigned} integer member, 0 otherwise. */
        private static int unsignedWidth(Annotated a) {
            if (!a.hasAnnotation(Unsigned.class)) {
                return 0;
            }
            Class<?> raw = a.getRawType();
            if (raw == byte.class || raw == Byte.class) {
                return 8;
            }
            if (raw == short.class || raw == Short.class) {
                return 16;
            }
            if (raw == int.class || raw == Integer.class) {
                return 32;
            }
            return raw == long.class || raw == Long.class ? 64 : 0;
        }
    }
}
