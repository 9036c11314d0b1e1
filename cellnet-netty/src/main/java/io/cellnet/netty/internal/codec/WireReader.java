package io.cellnet.netty.internal.codec;

import io.cellnet.codec.CodecException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over a region of a {@link ByteBuf}, shared by the binary and protoplus
 * codecs: little-endian fixed-width values, varints, byte runs and a nesting-depth guard. It reads
 * with absolute indexes, so the buffer's own reader index never moves; every read past the end of
 * the region is a {@link CodecException} saying "out of data", never an index exception.
 *
 * <p>Thread safety: confined to the decoding thread; obtained with {@link #over} per decode.
 */
public final class WireReader {
    /** How deep nested messages may go before the input is rejected (recursive types only). */
    public static final int MAX_DEPTH = 64;

    private static final FastThreadLocal<WireReader> SPARE = new FastThreadLocal<>() {
        @Override
        protected WireReader initialValue() {
            return new WireReader();
        }
    };

    private ByteBuf buf = Unpooled.EMPTY_BUFFER;
    private int pos;
    private int end;
    private int depth;
    private boolean inUse;

    private WireReader() {
    }

    /**
     * A reader over the readable bytes of {@code buf}: the calling thread's spare one when it is
     * free (no allocation per decode), a new one when a decode is already using it (a codec called
     * from inside a decode). Pair with {@link #release()}.
     */
    public static WireReader over(ByteBuf buf) {
        WireReader r = SPARE.get();
        if (r.inUse) {
            r = new WireReader();
        }
        r.inUse = true;
        r.buf = buf;
        r.pos = buf.readerIndex();
        r.end = buf.writerIndex();
        r.depth = 0;
        return r;
    }

    /** Lets go of the buffer; the reader may be reused by the next decode on this thread. */
    public void release() {
        buf = Unpooled.EMPTY_BUFFER;
        inUse = false;
    }

    /** Bytes left before the end of the current region. */
    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    private int advance(int n) {
        if (n < 0 || n > end - pos) {
            throw new CodecException("out of data: need " + Integer.toUnsignedString(n) + " byte(s) at offset "
                    + pos + ", " + (end - pos) + " left");
        }
        int at = pos;
        pos += n;
        return at;
    }

    public byte int8() {
        return buf.getByte(advance(1));
    }

    public int uint8() {
        return buf.getUnsignedByte(advance(1));
    }

    public short int16() {
        return buf.getShortLE(advance(2));
    }

    public int uint16() {
        return buf.getUnsignedShortLE(advance(2));
    }

    public int int32() {
        return buf.getIntLE(advance(4));
    }

    public long int64() {
        return buf.getLongLE(advance(8));
    }

    public float float32() {
        return Float.intBitsToFloat(int32());
    }

    public double float64() {
        return Double.longBitsToDouble(int64());
    }

    /** The next {@code n} bytes as a new array. */
    public byte[] bytes(int n) {
        byte[] out = new byte[n];
        buf.getBytes(advance(n), out);
        return out;
    }

    /** The next {@code n} bytes decoded as UTF-8 (malformed sequences become U+FFFD, as in Go). */
    public String utf8(int n) {
        int at = advance(n);
        return n == 0 ? "" : buf.toString(at, n, StandardCharsets.UTF_8);
    }

    /** Skips {@code n} bytes. */
    public void skip(int n) {
        advance(n);
    }

    /** An unsigned base-128 varint of at most 10 bytes that fits 64 bits. */
    public long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = uint8();
            if (shift == 63 && b > 1) {
                break;
            }
            value |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw new CodecException("bad varint: more than 64 bits at offset " + pos);
    }

    /** A varint length of a length-delimited run, checked against the bytes left. */
    public int length() {
        long n = varint();
        if (n < 0 || n > end - pos) {
            throw new CodecException("out of data: length " + Long.toUnsignedString(n) + " at offset " + pos + ", "
                    + (end - pos) + " left");
        }
        return (int) n;
    }

    /**
     * Narrows the region to the next {@code n} bytes, for a nested message; returns the old end,
     * to be passed to {@link #popLimit(int)}.
     */
    public int pushLimit(int n) {
        int at = advance(n);
        int oldEnd = end;
        pos = at;
        end = at + n;
        enter();
        return oldEnd;
    }

    /** Ends a region started by {@link #pushLimit(int)}; the cursor moves to its end. */
    public void popLimit(int oldEnd) {
        pos = end;
        end = oldEnd;
        exit();
    }

    /** Counts one level of message nesting; fails past {@link #MAX_DEPTH}. */
    public void enter() {
        if (++depth > MAX_DEPTH) {
            throw new CodecException("messages nested deeper than " + MAX_DEPTH);
        }
    }

    public void exit() {
        depth--;
    }
}
