package io.cellnet.netty.codec.binary;

import io.cellnet.codec.CodecException;
import io.cellnet.netty.internal.codec.MessageShape;
import io.cellnet.netty.internal.codec.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one message class is laid out by the binary codec, built once per class from its
 * {@link MessageShape}: one writer handle per field, and either a single reader handle that reads
 * the fields in order into the canonical constructor (records) or a constructor plus one
 * read-and-set handle per field (classes). No reflection and no boxing happen per message.
 *
 * <p>Thread safety: immutable; {@link #of(Class)} may be called from any thread.
 */
final class BinaryPlan {
    private static final ClassValue<BinaryPlan> CACHE = new ClassValue<>() {
        @Override
        protected BinaryPlan computeValue(Class<?> type) {
            return new BinaryPlan(type);
        }
    };
    private static final ThreadLocal<Set<Class<?>>> BUILDING = ThreadLocal.withInitial(HashSet::new);
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType READ = MethodType.methodType(Object.class, WireReader.class);
    private static final MethodType WRITE = MethodType.methodType(void.class, ByteBuf.class, Object.class);
    private static final ByteBuf ZEROS = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[256]));

    private final MethodHandle[] writers;            // (ByteBuf,Object)void
    private final @Nullable MethodHandle recordReader; // (WireReader)Object
    private final MethodHandle constructor;           // ()Object, classes only
    private final MethodHandle[] setters;            // (Object,WireReader)void, classes only
    private final int zeroSize;

    private BinaryPlan(Class<?> type) {
        Set<Class<?>> building = BUILDING.get();
        if (!building.add(type)) {
            throw new CodecException(type.getName() + " contains itself by value (Go cannot express that;"
                    + " use a List)");
        }
        try {
            MessageShape shape = MessageShape.of(type);
            List<MessageShape.Member> members = shape.members();
            BinaryValues.Handles[] values = new BinaryValues.Handles[members.size()];
            writers = new MethodHandle[values.length];
            setters = new MethodHandle[shape.isRecord() ? 0 : values.length];
            int zeros = 0;
            for (MessageShape.Member m : members) {
                BinaryValues.Handles h = BinaryValues.of(m.genericType(), m.describe(type), false);
                values[m.index()] = h;
                zeros += h.zeroSize();
                writers[m.index()] = MethodHandles.filterArguments(h.write(), 1, m.getter());
                MethodHandle setter = m.setter();
                if (setter != null) {
                    setters[m.index()] = MethodHandles.filterArguments(setter, 1, h.read());
                }
            }
            zeroSize = zeros;
            constructor = shape.constructor();
            recordReader = shape.isRecord() ? foldReaders(constructor, values) : null;
        } finally {
            building.remove(type);
            if (building.isEmpty()) {
                BUILDING.remove();
            }
        }
    }

    /** The plan of {@code type}, built on first use. */
    static BinaryPlan of(Class<?> type) {
        return CACHE.get(type);
    }

    /**
     * Handles for a nested message of class {@code type}: the plan itself, or, when {@code lazy}
     * (inside lists and arrays, where a type may refer to itself), a lookup at each use.
     */
    static BinaryValues.Handles nested(Class<?> type, boolean lazy) throws ReflectiveOperationException {
        MethodHandle read;
        MethodHandle write;
        int zeroSize = 0;
        if (lazy) {
            read = MethodHandles.insertArguments(LOOKUP.findStatic(BinaryPlan.class, "readLazily",
                    MethodType.methodType(Object.class, Class.class, WireReader.class)), 0, type);
            write = MethodHandles.insertArguments(LOOKUP.findStatic(BinaryPlan.class, "writeLazily",
                    MethodType.methodType(void.class, Class.class, ByteBuf.class, Object.class)), 0, type);
        } else {
            BinaryPlan plan = of(type);
            read = LOOKUP.findVirtual(BinaryPlan.class, "read", READ).bindTo(plan);
            write = LOOKUP.findVirtual(BinaryPlan.class, "writeNested", WRITE).bindTo(plan);
            zeroSize = plan.zeroSize;
        }
        return new BinaryValues.Handles(read.asType(MethodType.methodType(type, WireReader.class)),
                write.asType(MethodType.methodType(void.class, ByteBuf.class, type)), zeroSize);
    }

    /**
     * Records: {@code ctor(read1(r), read2(r), ...)} as one handle {@code (WireReader)Object}, the
     * reads running left to right (each fold runs its combiner before its target).
     */
    private static MethodHandle foldReaders(MethodHandle ctor, BinaryValues.Handles[] values) {
        int n = values.length;
        MethodHandle h = MethodHandles.dropArguments(ctor, n, WireReader.class);
        for (int k = n; k >= 1; k--) {
            h = MethodHandles.foldArguments(h, k - 1, values[k - 1].read());
        }
        return h.asType(READ);
    }

    /** Decodes a whole body; an empty body is the zero value of every field, as in Go. */
    Object decode(ByteBuf body) throws Throwable {
        ByteBuf source = body;
        if (!body.isReadable()) {
            ByteBuf zeros = zeroSize <= ZEROS.capacity() ? ZEROS : Unpooled.wrappedBuffer(new byte[zeroSize]);
            source = zeros.slice(0, zeroSize);
        }
        WireReader r = WireReader.over(source);
        try {
            return read(r);
        } finally {
            r.release();
        }
    }

    Object read(WireReader r) throws Throwable {
        r.enter();
        Object result;
        if (recordReader != null) {
            result = (Object) recordReader.invokeExact(r);
        } else {
            result = (Object) constructor.invokeExact();
            for (MethodHandle setter : setters) {
                setter.invokeExact(result, r);
            }
        }
        r.exit();
        return result;
    }

    void write(ByteBuf out, Object message) throws Throwable {
        for (MethodHandle writer : writers) {
            writer.invokeExact(out, message);
        }
    }

    /** A nested message; {@code null} is written as the zero value, Go's only possible value. */
    void writeNested(ByteBuf out, @Nullable Object message) throws Throwable {
        if (message == null) {
            out.writeZero(zeroSize);
        } else {
            write(out, message);
        }
    }

    private static Object readLazily(Class<?> type, WireReader r) throws Throwable {
        return of(type).read(r);
    }

    private static void writeLazily(Class<?> type, ByteBuf out, @Nullable Object message) throws Throwable {
        of(type).writeNested(out, message);
    }
}
