package io.cellnet.netty.codec.json;

import io.cellnet.netty.codec.Unsigned;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * The field types the json fast path handles, each with the Jackson semantics it reproduces: how
 * the value is written ({@link JsonFlatWriter}), which JSON numbers it accepts, and what a JSON
 * {@code null} or a missing key gives. The rules were taken from Jackson as {@link GoJson}
 * configures it and are checked by the differential test:
 *
 * <ul>
 *   <li>{@code null}, or a missing key, gives {@code ""} for a String and the zero value for every
 *       other kind (Go leaves the field untouched).
 *   <li>Integer ranges are Go's, as {@link GoJsonModule} enforces them for Jackson; numbers outside
 *       them, and floats that overflow, are left to Jackson, which refuses them.
 * </ul>
 *
 * <p>Thread safety: immutable.
 */
enum JsonFlatKind {
    STRING(String.class, "String", 0, 0),
    BOOLEAN(boolean.class, "Boolean", 0, 0),
    INT8(byte.class, "Int8", Byte.MIN_VALUE, Byte.MAX_VALUE),
    INT16(short.class, "Int16", Short.MIN_VALUE, Short.MAX_VALUE),
    INT32(int.class, "Int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    INT64(long.class, "Int64", Long.MIN_VALUE, Long.MAX_VALUE),
    UINT8(byte.class, "Uint8", 0, 0xFF),
    UINT16(short.class, "Uint16", 0, 0xFFFF),
    UINT32(int.class, "Uint32", 0, 0xFFFF_FFFFL),
    /** The maximum is 2^64-1, held as the unsigned bits of {@code -1}. */
    UINT64(long.class, "Uint64", 0, -1L),
    CHAR(char.class, "Char", 0, 0xFFFF),
    FLOAT32(float.class, "Float32", 0, 0),
    FLOAT64(double.class, "Float64", 0, 0);

    private final Class<?> javaType;
    private final String suffix;
    /** Integer kinds: the smallest value (signed) and the largest one (compared unsigned). */
    final long min;
    public final long max;

    JsonFlatKind(Class<?> javaType, String suffix, long min, long max) {
        this.javaType = javaType;
        this.suffix = suffix;
        this.min = min;
        this.max = max;
    }

    /** The kind of a field of {@code type}, {@code unsigned} if marked so; null if not handled. */
    public static @Nullable JsonFlatKind of(Class<?> type, boolean unsigned) {
        for (JsonFlatKind k : values()) {
            boolean markMatters = k.isSignedInteger() || k.isUnsigned();
            if (k.javaType == type && (!markMatters || k.isUnsigned() == unsigned)) {
                return k;
            }
        }
        return null;
    }

    Class<?> javaType() {
        return javaType;
    }

    boolean isSignedInteger() {
        return this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    /**
     * Whether this integer kind holds the number of this sign and magnitude (unsigned bits of at
     * most 2^64-1): at least {@link #min}, at most {@link #max}.
     */
    boolean holds(boolean negative, long magnitude) {
        return negative ? min < 0 && Long.compareUnsigned(magnitude, -min) <= 0
                : Long.compareUnsigned(magnitude, max) <= 0;
    }

    /** The kinds read and written as JSON integers: every kind but String, boolean and the floats. */
    boolean isInteger() {
        return this != STRING && this != BOOLEAN && this != FLOAT32 && this != FLOAT64;
    }

    /** The {@link Unsigned} kinds (not {@code char}, which is unsigned without the mark). */
    public boolean isUnsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64;
    }

    /** {@code (ByteBuf, T)boolean}: writes the value; false if Jackson must write the message. */
    MethodHandle writer() throws ReflectiveOperationException {
        return MethodHandles.lookup().findStatic(JsonFlatWriter.class, "write" + suffix,
                MethodType.methodType(boolean.class, ByteBuf.class, javaType));
    }

    /** {@code (JsonFlatReader)T}: the decoded value of field {@code index}. */
    MethodHandle slot(int index) throws ReflectiveOperationException {
        String name = javaType == String.class ? "stringSlot" : javaType.getName() + "Slot";
        MethodHandle h = MethodHandles.lookup().findStatic(JsonFlatReader.class, name,
                MethodType.methodType(javaType, JsonFlatReader.class, int.class));
        return MethodHandles.insertArguments(h, 1, index);
    }
}
