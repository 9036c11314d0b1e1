package io.cellnet.netty.codec.binary;

import io.cellnet.codec.CodecException;
import io.cellnet.netty.internal.codec.MessageShape;
import io.cellnet.netty.internal.codec.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps a Java type to goobjfmt's layout: a reader handle {@code (WireReader)T}, a writer handle
 * {@code (ByteBuf,T)void} and the size of its zero value. Scalars are fixed-width little-endian;
 * {@code String} and {@code byte[]} are a u16 byte length and the bytes; {@code List<X>} and other
 * arrays are a u16 count and the elements; any other class is a nested message, inline.
 *
 * <p>Thread safety: stateless; the handles it returns are immutable.
 */
final class BinaryValues {
    /** How one value is read and written. */
    record Handles(MethodHandle read, MethodHandle write, int zeroSize) {
    }

    static final int MAX_LENGTH = 0xFFFF;
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(Boolean.class, boolean.class, Byte.class,
            byte.class, Short.class, short.class, Character.class, char.class, Integer.class, int.class,
            Long.class, long.class, Float.class, float.class, Double.class, double.class);

    private BinaryValues() {
    }

    /**
     * The handles for {@code type}; boxed scalars are accepted only as list elements
     * ({@code element}), where nested messages are also resolved lazily (so a type may contain a
     * list of itself). {@code where} names the field for error messages.
     */
    static Handles of(Type type, String where, boolean element) {
        try {
            return resolve(type, where, element);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("codec helper method missing", e);
        }
    }

    private static Handles resolve(Type type, String where, boolean element) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Handles e = boxed(of(p.getActualTypeArguments()[0], where, true));
            return new ListValue(e).handles();
        }
        if (!(type instanceof Class<?> c)) {
            throw unsupported(type, where);
        }
        Class<?> primitive = BOXES.get(c);
        if (primitive != null && element) {
            Handles h = scalar(primitive);
            return new Handles(h.read().asType(h.read().type().changeReturnType(c)),
                    h.write().asType(h.write().type().changeParameterType(1, c)), h.zeroSize());
        }
        if (c.isPrimitive()) {
            return scalar(c);
        }
        if (c == String.class) {
            return statics("readString", "writeString", String.class, 2);
        }
        if (c == byte[].class) {
            return statics("readBytes", "writeBytes", byte[].class, 2);
        }
        if (c.isArray()) {
            return new ArrayValue(c, of(c.getComponentType(), where, true)).handles();
        }
        if (!MessageShape.isMessageClass(c)) {
            throw unsupported(type, where);
        }
        return BinaryPlan.nested(c, element);
    }

    private static CodecException unsupported(Type type, String where) {
        return new CodecException("unsupported type " + type.getTypeName() + " of field " + where
                + " (supported: primitives, String, byte[], arrays, List<X>, nested records and classes)");
    }

    private static Handles scalar(Class<?> c) throws ReflectiveOperationException {
        MethodHandle read;
        MethodHandle write;
        int size;
        if (c == boolean.class) {
            read = LOOKUP.findStatic(BinaryValues.class, "readBool", MethodType.methodType(boolean.class, WireReader.class));
            write = bufWriter("writeBoolean", boolean.class);
            size = 1;
        } else if (c == byte.class) {
            read = readerMethod("int8", byte.class);
            write = bufWriter("writeByte", int.class);
            size = 1;
        } else if (c == short.class || c == char.class) {
            read = readerMethod(c == short.class ? "int16" : "uint16", c == short.class ? short.class : int.class);
            write = bufWriter("writeShortLE", int.class);
            size = 2;
        } else if (c == int.class || c == float.class) {
            read = readerMethod(c == int.class ? "int32" : "float32", c);
            write = bufWriter(c == int.class ? "writeIntLE" : "writeFloatLE", c);
            size = 4;
        } else {
            read = readerMethod(c == long.class ? "int64" : "float64", c);
            write = bufWriter(c == long.class ? "writeLongLE" : "writeDoubleLE", c);
            size = 8;
        }
        read = MethodHandles.explicitCastArguments(read, MethodType.methodType(c, WireReader.class));
        write = write.asType(MethodType.methodType(void.class, ByteBuf.class, c));
        return new Handles(read, write, size);
    }

    private static MethodHandle readerMethod(String name, Class<?> returns) throws ReflectiveOperationException {
        return LOOKUP.findVirtual(WireReader.class, name, MethodType.methodType(returns));
    }

    private static MethodHandle bufWriter(String name, Class<?> param) throws ReflectiveOperationException {
        return LOOKUP.findVirtual(ByteBuf.class, name, MethodType.methodType(ByteBuf.class, param));
    }

    private static Handles statics(String read, String write, Class<?> type, int zeroSize)
            throws ReflectiveOperationException {
        return new Handles(LOOKUP.findStatic(BinaryValues.class, read, MethodType.methodType(type, WireReader.class)),
                LOOKUP.findStatic(BinaryValues.class, write, MethodType.methodType(void.class, ByteBuf.class, type)),
                zeroSize);
    }

    /** {@code h} with {@code Object} in place of its value type, for generic containers. */
    static Handles boxed(Handles h) {
        return new Handles(h.read().asType(MethodType.methodType(Object.class, WireReader.class)),
                h.write().asType(MethodType.methodType(void.class, ByteBuf.class, Object.class)), h.zeroSize());
    }

    static boolean readBool(WireReader r) {
        return r.uint8() != 0;
    }

    static String readString(WireReader r) {
        return r.utf8(r.uint16());
    }

    static byte[] readBytes(WireReader r) {
        return r.bytes(r.uint16());
    }

    static void writeString(ByteBuf out, @Nullable String s) {
        if (s == null || s.isEmpty()) {
            out.writeShortLE(0);
            return;
        }
        int len = ByteBufUtil.utf8Bytes(s);
        writeLength(out, len, "string");
        out.writeCharSequence(s, StandardCharsets.UTF_8);
    }

    static void writeBytes(ByteBuf out, byte @Nullable [] b) {
        int len = b == null ? 0 : b.length;
        writeLength(out, len, "byte array");
        if (len > 0) {
            out.writeBytes(b);
        }
    }

    /** Writes a u16 length or count, refusing what Go would silently wrap. */
    static void writeLength(ByteBuf out, int len, String what) {
        if (len > MAX_LENGTH) {
            throw new CodecException(what + " of length " + len + " exceeds the u16 limit " + MAX_LENGTH);
        }
        out.writeShortLE(len);
    }

    /** {@code List<X>}: u16 count, then the elements; decodes to an {@link ArrayList}. */
    private static final class ListValue {
        private final Handles element;

        ListValue(Handles element) {
            this.element = element;
        }

        Handles handles() throws ReflectiveOperationException {
            MethodHandle read = LOOKUP.findVirtual(ListValue.class, "read",
                    MethodType.methodType(List.class, WireReader.class)).bindTo(this);
            MethodHandle write = LOOKUP.findVirtual(ListValue.class, "write",
                    MethodType.methodType(void.class, ByteBuf.class, List.class)).bindTo(this);
            return new Handles(read, write, 2);
        }

        List<Object> read(WireReader r) throws Throwable {
            int n = r.uint16();
            List<Object> out = new ArrayList<>(Math.min(n, r.remaining()));
            for (int i = 0; i < n; i++) {
                out.add((Object) element.read().invokeExact(r));
            }
            return out;
        }

        void write(ByteBuf out, @Nullable List<?> list) throws Throwable {
            int n = list == null ? 0 : list.size();
            writeLength(out, n, "list");
            for (int i = 0; i < n; i++) {
                element.write().invokeExact(out, (Object) list.get(i));
            }
        }
    }

    /** An array other than {@code byte[]}: u16 count, then the elements. */
    private static final class ArrayValue {
        private final Class<?> arrayType;
        private final MethodHandle create;    // (int)Object
        private final MethodHandle length;    // (Object)int
        private final MethodHandle readInto;  // (Object,int,WireReader)void
        private final MethodHandle writeFrom; // (ByteBuf,Object,int)void

        ArrayValue(Class<?> arrayType, Handles element) {
            this.arrayType = arrayType;
            this.create = MethodHandles.arrayConstructor(arrayType).asType(MethodType.methodType(Object.class, int.class));
            this.length = MethodHandles.arrayLength(arrayType).asType(MethodType.methodType(int.class, Object.class));
            this.readInto = MethodHandles.filterArguments(MethodHandles.arrayElementSetter(arrayType), 2, element.read())
                    .asType(MethodType.methodType(void.class, Object.class, int.class, WireReader.class));
            this.writeFrom = MethodHandles.collectArguments(element.write(), 1, MethodHandles.arrayElementGetter(arrayType))
                    .asType(MethodType.methodType(void.class, ByteBuf.class, Object.class, int.class));
        }

        Handles handles() throws ReflectiveOperationException {
            MethodHandle read = LOOKUP.findVirtual(ArrayValue.class, "read",
                    MethodType.methodType(Object.class, WireReader.class)).bindTo(this);
            MethodHandle write = LOOKUP.findVirtual(ArrayValue.class, "write",
                    MethodType.methodType(void.class, ByteBuf.class, Object.class)).bindTo(this);
            return new Handles(read.asType(MethodType.methodType(arrayType, WireReader.class)),
                    write.asType(MethodType.methodType(void.class, ByteBuf.class, arrayType)), 2);
        }

        Object read(WireReader r) throws Throwable {
            int n = r.uint16();
            Object array = (Object) create.invokeExact(n);
            for (int i = 0; i < n; i++) {
                readInto.invokeExact(array, i, r);
            }
            return array;
        }

        void write(ByteBuf out, @Nullable Object array) throws Throwable {
            int n = array == null ? 0 : (int) length.invokeExact(array);
            writeLength(out, n, "array");
            for (int i = 0; i < n; i++) {
                writeFrom.invokeExact(out, array, i);
            }
        }
    }
}
