package io.cellnet.netty.codec.protoplus;

import io.cellnet.netty.internal.codec.MessageShape;
import io.cellnet.netty.internal.codec.WireReader;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one message class is encoded by the protoplus codec, built once per class: per field its
 * {@link ProtoKind} and a writer handle {@code (ByteBuf,Object)void} that reads the field and
 * writes its entry. Decoding is tag-driven, collects boxed values and builds the instance at the
 * end (records need every value up front).
 *
 * <p>Thread safety: immutable; {@link #of(Class)} may be called from any thread.
 */
final class ProtoplusPlan {
    private static final ClassValue<ProtoplusPlan> CACHE = new ClassValue<>() {
        @Override
        protected ProtoplusPlan computeValue(Class<?> type) {
            return new ProtoplusPlan(type);
        }
    };

    private final MessageShape shape;
    private final ProtoKind[] kinds;
    private final Class<?>[] messageTypes;
    private final MethodHandle[] writers;

    private ProtoplusPlan(Class<?> type) {
        shape = MessageShape.of(type);
        List<MessageShape.Member> members = shape.members();
        kinds = new ProtoKind[members.size()];
        messageTypes = new Class<?>[members.size()];
        writers = new MethodHandle[members.size()];
        for (MessageShape.Member m : members) {
            ProtoKind kind = ProtoKind.of(m, type);
            kinds[m.index()] = kind;
            messageTypes[m.index()] = ProtoKind.messageType(m);
            writers[m.index()] = writer(kind, m);
        }
    }

    static ProtoplusPlan of(Class<?> type) {
        return CACHE.get(type);
    }

    /** {@code ProtoWire.<kind>(out, index, getter(message))} as {@code (ByteBuf,Object)void}. */
    private static MethodHandle writer(ProtoKind kind, MessageShape.Member m) {
        try {
            MethodHandle w = MethodHandles.lookup().findStatic(ProtoWire.class, kind.writer(),
                    MethodType.methodType(void.class, ByteBuf.class, int.class, kind.javaType()));
            w = MethodHandles.insertArguments(w, 1, m.index());
            w = w.asType(MethodType.methodType(void.class, ByteBuf.class, m.type()));
            return MethodHandles.filterArguments(w, 1, m.getter());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("protoplus writer missing: " + kind.writer(), e);
        }
    }

    void write(ByteBuf out, Object message) throws Throwable {
        for (MethodHandle w : writers) {
            w.invokeExact(out, message);
        }
    }

    /** Reads fields until the reader's region ends, skipping unknown ones by wire type. */
    Object read(WireReader r) throws Throwable {
        @Nullable Object[] values = new Object[kinds.length];
        while (r.hasRemaining()) {
            long tag = r.varint();
            long index = tag >>> 3;
            int wt = (int) (tag & 7);
            if (index < kinds.length) {
                int i = (int) index;
                values[i] = kinds[i].read(r, wt, values[i], messageTypes[i]);
            } else {
                skip(r, wt);
            }
        }
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            values[i] = v != null ? kinds[i].finish(v) : shape.isRecord() ? kinds[i].zero() : null;
        }
        return shape.construct(values);
    }

    private static void skip(WireReader r, int wt) {
        switch (wt) {
            case ProtoWire.VARINT:
            case ProtoWire.ZIGZAG32:
            case ProtoWire.ZIGZAG64:
                r.varint();
                break;
            case ProtoWire.BYTES:
                r.skip(r.length());
                break;
            case ProtoWire.FIXED32:
                r.skip(4);
                break;
            case ProtoWire.FIXED64:
                r.skip(8);
                break;
            default:
                throw ProtoKind.badWireType(wt);
        }
    }

    @Override
    public String toString() {
        return "ProtoplusPlan[" + shape.type().getName() + "]";
    }
}
