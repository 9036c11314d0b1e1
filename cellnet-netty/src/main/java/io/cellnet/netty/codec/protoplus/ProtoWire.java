package io.cellnet.netty.codec.protoplus;

import io.cellnet.codec.CodecException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * protoplus v0.1.0 wire primitives and the field writers. A tag is the varint
 * {@code (fieldIndex << 3) | wireType} with 0-based field indexes; zero values are omitted;
 * negative signed integers are fixed-width, unsigned ones always varints.
 *
 * <p>Thread safety: stateless.
 */
final class ProtoWire {
    static final int VARINT = 1;
    static final int BYTES = 2;
    static final int ZIGZAG32 = 3;
    static final int ZIGZAG64 = 4;
    static final int FIXED32 = 5;
    static final int FIXED64 = 6;

    private ProtoWire() {
    }

    static void tag(ByteBuf out, int index, int wireType) {
        varint(out, ((long) index << 3) | wireType);
    }

    static void varint(ByteBuf out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    static int varintSize(long v) {
        return v == 0 ? 1 : (63 - Long.numberOfLeadingZeros(v)) / 7 + 1;
    }

    // Field writers, one per kind, each (ByteBuf, int index, T value)void; found by name by ProtoKind.

    static void bool(ByteBuf out, int index, boolean v) {
        if (v) {
            tag(out, index, VARINT);
            out.writeByte(1);
        }
    }

    static void int32(ByteBuf out, int index, int v) {
        if (v > 0) {
            tag(out, index, VARINT);
            varint(out, v);
        } else if (v < 0) {
            tag(out, index, FIXED32);
            out.writeIntLE(v);
        }
    }

    static void uint32(ByteBuf out, int index, int v) {
        uint64(out, index, v & 0xFFFF_FFFFL);
    }

    static void int64(ByteBuf out, int index, long v) {
        if (v > 0) {
            tag(out, index, VARINT);
            varint(out, v);
        } else if (v < 0) {
            tag(out, index, FIXED64);
            out.writeLongLE(v);
        }
    }

    static void uint64(ByteBuf out, int index, long v) {
        if (v != 0) {
            tag(out, index, VARINT);
            varint(out, v);
        }
    }

    static void float32(ByteBuf out, int index, float v) {
        if (v != 0) {
            tag(out, index, FIXED32);
            out.writeFloatLE(v);
        }
    }

    static void float64(ByteBuf out, int index, double v) {
        if (v != 0) {
            tag(out, index, FIXED64);
            out.writeDoubleLE(v);
        }
    }

    static void string(ByteBuf out, int index, @Nullable String v) {
        if (v != null && !v.isEmpty()) {
            stringEntry(out, index, v);
        }
    }

    static void bytes(ByteBuf out, int index, byte @Nullable [] v) {
        if (v != null && v.length > 0) {
            tag(out, index, BYTES);
            varint(out, v.length);
            out.writeBytes(v);
        }
    }

    static void longArray(ByteBuf out, int index, long @Nullable [] v) {
        if (v == null || v.length == 0) {
            return;
        }
        int size = 0;
        for (long e : v) {
            size += varintSize(e);
        }
        tag(out, index, BYTES);
        varint(out, size);
        for (long e : v) {
            varint(out, e);
        }
    }

    static void longList(ByteBuf out, int index, @Nullable List<Long> v) {
        if (v == null || v.isEmpty()) {
            return;
        }
        long[] values = new long[v.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.get(i);
        }
        longArray(out, index, values);
    }

    static void stringList(ByteBuf out, int index, @Nullable List<String> v) {
        if (v != null) {
            for (String s : v) {
                stringEntry(out, index, s == null ? "" : s);
            }
        }
    }

    static void message(ByteBuf out, int index, @Nullable Object v) throws Throwable {
        if (v != null) {
            messageEntry(out, index, v, false);
        }
    }

    static void messageList(ByteBuf out, int index, @Nullable List<?> v) throws Throwable {
        if (v != null) {
            for (Object m : v) {
                if (m == null) {
                    throw new CodecException("null element in a message list");
                }
                messageEntry(out, index, m, true);
            }
        }
    }

    private static void stringEntry(ByteBuf out, int index, String s) {
        tag(out, index, BYTES);
        varint(out, ByteBufUtil.utf8Bytes(s));
        out.writeCharSequence(s, StandardCharsets.UTF_8);
    }

    /** A nested message as tag, length and body; an empty one is omitted unless {@code keepEmpty}. */
    private static void messageEntry(ByteBuf out, int index, Object m, boolean keepEmpty) throws Throwable {
        ByteBuf body = out.alloc().buffer();
        try {
            ProtoplusPlan.of(m.getClass()).write(body, m);
            if (body.isReadable() || keepEmpty) {
                tag(out, index, BYTES);
                varint(out, body.readableBytes());
                out.writeBytes(body);
            }
        } finally {
            body.release();
        }
    }
}
