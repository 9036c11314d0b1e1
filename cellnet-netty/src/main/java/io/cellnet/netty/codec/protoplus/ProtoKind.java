package io.cellnet.netty.codec.protoplus;

import static io.cellnet.netty.codec.protoplus.ProtoWire.BYTES;
import static io.cellnet.netty.codec.protoplus.ProtoWire.FIXED32;
import static io.cellnet.netty.codec.protoplus.ProtoWire.FIXED64;
import static io.cellnet.netty.codec.protoplus.ProtoWire.VARINT;
import static io.cellnet.netty.codec.protoplus.ProtoWire.ZIGZAG32;
import static io.cellnet.netty.codec.protoplus.ProtoWire.ZIGZAG64;

import io.cellnet.codec.CodecException;
import io.cellnet.netty.internal.codec.MessageShape;
import io.cellnet.netty.internal.codec.WireReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Java field types protoplus supports, each with its field writer in {@link ProtoWire}, its
 * decoder for one wire entry, and its Go zero value. Repeated kinds accumulate while decoding
 * ({@code previous}) and are turned into the field's type by {@link #finish(Object)}.
 *
 * <p>Thread safety: stateless.
 */
enum ProtoKind {
    BOOL(boolean.class, "bool") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) {
            expect(wt, VARINT);
            return r.varint() != 0;
        }
    },
    INT32(int.class, "int32"),
    UINT32(int.class, "uint32"),
    INT64(long.class, "int64"),
    UINT64(long.class, "uint64"),
    FLOAT(float.class, "float32") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) {
            expect(wt, FIXED32);
            return r.float32();
        }
    },
    DOUBLE(double.class, "float64") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) {
            expect(wt, FIXED64);
            return r.float64();
        }
    },
    STRING(String.class, "string") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) {
            expect(wt, BYTES);
            return r.utf8(r.length());
        }
    },
    BYTE_ARRAY(byte[].class, "bytes") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) {
            expect(wt, BYTES);
            return r.bytes(r.length());
        }
    },
    LONG_ARRAY(long[].class, "longArray") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) {
            return packedLongs(r, wt, previous);
        }

        @Override
        Object finish(Object accumulated) {
            List<?> list = (List<?>) accumulated;
            long[] out = new long[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Long) list.get(i);
            }
            return out;
        }
    },
    LONG_LIST(List.class, "longList") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) {
            return packedLongs(r, wt, previous);
        }
    },
    STRING_LIST(List.class, "stringList") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) throws Throwable {
            return append(previous, STRING.read(r, wt, null, type));
        }
    },
    MESSAGE(Object.class, "message") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) throws Throwable {
            expect(wt, BYTES);
            int oldEnd = r.pushLimit(r.length());
            Object message = ProtoplusPlan.of(type).read(r);
            r.popLimit(oldEnd);
            return message;
        }
    },
    MESSAGE_LIST(List.class, "messageList") {
        @Override
        Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) throws Throwable {
            return append(previous, MESSAGE.read(r, wt, null, type));
        }
    };

    private final Class<?> javaType;
    private final String writer;

    ProtoKind(Class<?> javaType, String writer) {
        this.javaType = javaType;
        this.writer = writer;
    }

    /** The parameter type of the writer method. */
    Class<?> javaType() {
        return javaType;
    }

    /** The name of the writer method in {@link ProtoWire}. */
    String writer() {
        return writer;
    }

    /**
     * Decodes one entry of wire type {@code wt}; {@code type} is the message class for message
     * kinds. The default suits the integer kinds: any integer wire type, truncated to the width.
     */
    Object read(WireReader r, int wt, @Nullable Object previous, Class<?> type) throws Throwable {
        long v = integer(r, wt);
        return javaType == int.class ? (Object) (int) v : (Object) v;
    }

    /** The field value from what {@link #read} accumulated. */
    Object finish(Object accumulated) {
        return accumulated;
    }

    /** Go's zero value, given to record constructors for absent fields (nested messages: null). */
    @Nullable Object zero() {
        switch (this) {
            case BOOL: return false;
            case INT32: case UINT32: return 0;
            case INT64: case UINT64: return 0L;
            case FLOAT: return 0f;
            case DOUBLE: return 0d;
            case STRING: return "";
            case BYTE_ARRAY: return new byte[0];
            case LONG_ARRAY: return new long[0];
            case MESSAGE: return null;
            default: return new ArrayList<>();
        }
    }

    /** The kind of a field, or a {@link CodecException} naming it. */
    static ProtoKind of(MessageShape.Member m, Class<?> owner) {
        Class<?> t = m.type();
        if (t == int.class) {
            return m.unsigned() ? UINT32 : INT32;
        }
        if (t == long.class) {
            return m.unsigned() ? UINT64 : INT64;
        }
        for (ProtoKind k : new ProtoKind[] {BOOL, FLOAT, DOUBLE, STRING, BYTE_ARRAY, LONG_ARRAY}) {
            if (k.javaType == t) {
                return k;
            }
        }
        if (t == List.class && m.genericType() instanceof ParameterizedType p) {
            Type e = p.getActualTypeArguments()[0];
            if (e == Long.class || e == String.class) {
                return e == Long.class ? LONG_LIST : STRING_LIST;
            }
            if (e instanceof Class<?> c && MessageShape.isMessageClass(c)) {
                return MESSAGE_LIST;
            }
        }
        if (MessageShape.isMessageClass(t)) {
            return MESSAGE;
        }
        throw new CodecException("unsupported type " + m.genericType().getTypeName() + " of field "
                + m.describe(owner) + " (supported: boolean, int, long, float, double, String, byte[], long[],"
                + " List<Long>, List<String>, nested classes and List of them)");
    }

    /** The message class of a {@link #MESSAGE} or {@link #MESSAGE_LIST} field. */
    static Class<?> messageType(MessageShape.Member m) {
        if (m.genericType() instanceof ParameterizedType p) {
            return (Class<?>) p.getActualTypeArguments()[0];
        }
        return m.type();
    }

    static long integer(WireReader r, int wt) {
        switch (wt) {
            case VARINT: return r.varint();
            case ZIGZAG32: {
                int v = (int) r.varint();
                return (v >>> 1) ^ -(v & 1);
            }
            case ZIGZAG64: {
                long v = r.varint();
                return (v >>> 1) ^ -(v & 1);
            }
            case FIXED32: return r.int32();
            case FIXED64: return r.int64();
            default: throw badWireType(wt);
        }
    }

    static CodecException badWireType(int wt) {
        return new CodecException("bad wire type " + wt);
    }

    private static void expect(int wt, int expected) {
        if (wt != expected) {
            throw badWireType(wt);
        }
    }

    private static List<Object> packedLongs(WireReader r, int wt, @Nullable Object previous) {
        expect(wt, BYTES);
        int oldEnd = r.pushLimit(r.length());
        List<Object> list = append(previous, null);
        while (r.hasRemaining()) {
            list.add(r.varint());
        }
        r.popLimit(oldEnd);
        return list;
    }

    /** {@code previous} (a list, or null for a new one) with {@code element} added unless null. */
    @SuppressWarnings("unchecked") // previous is always a list this enum created
    private static List<Object> append(@Nullable Object previous, @Nullable Object element) {
        List<Object> list = previous == null ? new ArrayList<>() : (List<Object>) previous;
        if (element != null) {
            list.add(element);
        }
        return list;
    }
}
