package io.cellnet.netty.codec.json;

import io.cellnet.netty.codec.Unsigned;
import io.cellnet.netty.internal.codec.GoFloats;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Writes the values of the json fast path byte for byte as Jackson's generator does with
 * {@link GoJson}'s configuration: strings escaped by the {@link GoJsonEscapes} ASCII table,
 * U+2028/U+2029 and lone surrogates as lower-case <code>&#92;uXXXX</code>, surrogate pairs and other
 * non-ASCII characters as raw UTF-8; integers in decimal, {@link Unsigned} ones unsigned; floats by
 * {@link GoFloats}. Each {@code write} method returns false when the value has no JSON form (NaN,
 * infinities), so that Jackson reports it.
 *
 * <p>A message is written into a reused byte array and copied into the {@link ByteBuf} once at the
 * end ({@link #copyTo}): plain array stores instead of a checked {@code ByteBuf} call per byte.
 *
 * <p>Thread safety: one per thread, taken with {@link #acquire()} and given back with
 * {@link #release()}; an encode nested in another on the same thread (an accessor that encodes)
 * gets a new one.
 */
final class JsonFlatWriter {
    /** Jackson's escape codes for ASCII: 0 raw, positive a two-character escape, negative <code>&#92;u00XX</code>. */
    private static final int[] ASCII = new GoJsonEscapes().getEscapeCodesForAscii();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    /** Characters encoded per {@link #ensure} call; each takes at most 6 bytes. */
    private static final int CHUNK = 256;
    private static final int MAX_BYTES_PER_CHAR = 6;
    private static final int INITIAL_SIZE = 256;
    /** A larger array is dropped on release, so that one large message does not pin it. */
    private static final int MAX_KEPT_SIZE = 64 * 1024;
    private static final FastThreadLocal<JsonFlatWriter> SPARE = new FastThreadLocal<>() {
        @Override
        protected JsonFlatWriter initialValue() {
            return new JsonFlatWriter();
        }
    };

    private byte[] bytes = new byte[INITIAL_SIZE];
    private int length;
    private boolean inUse;

    private JsonFlatWriter() {
    }

    static JsonFlatWriter acquire() {
        JsonFlatWriter w = SPARE.get();
        if (w.inUse) {
            w = new JsonFlatWriter();
        }
        w.inUse = true;
        return w;
    }

    void release() {
        length = 0;
        if (bytes.length > MAX_KEPT_SIZE) {
            bytes = new byte[INITIAL_SIZE];
        }
        inUse = false;
    }

    /** Appends what was written to {@code out}. */
    void copyTo(ByteBuf out) {
        out.writeBytes(bytes, 0, length);
    }

    /** Room for {@code n} more bytes; returns the array to write to (it may have been replaced). */
    private byte[] ensure(int n) {
        byte[] b = bytes;
        if (b.length - length < n) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, length + n));
            bytes = b;
        }
        return b;
    }

    void writeByte(int c) {
        byte[] b = ensure(1);
        b[length++] = (byte) c;
    }

    void writeBytes(byte[] src) {
        byte[] b = ensure(src.length);
        System.arraycopy(src, 0, b, length, src.length);
        length += src.length;
    }

    static boolean writeString(JsonFlatWriter w, @Nullable String s) {
        w.writeByte('"');
        if (s != null) {
            w.writeChars(s);
        }
        w.writeByte('"');
        return true;
    }

    static boolean writeBoolean(JsonFlatWriter w, boolean v) {
        w.writeBytes(v ? TRUE : FALSE);
        return true;
    }

    static boolean writeInt8(JsonFlatWriter w, byte v) {
        return writeInt64(w, v);
    }

    static boolean writeInt16(JsonFlatWriter w, short v) {
        return writeInt64(w, v);
    }

    static boolean writeInt32(JsonFlatWriter w, int v) {
        return writeInt64(w, v);
    }

    static boolean writeInt64(JsonFlatWriter w, long v) {
        if (v < 0) {
            w.writeByte('-');
            // -Long.MIN_VALUE is itself, whose unsigned bits are 2^63: the right digits.
            return writeUint64(w, -v);
        }
        w.writeDigits(v);
        return true;
    }

    static boolean writeUint8(JsonFlatWriter w, byte v) {
        return writeInt64(w, v & 0xFFL);
    }

    static boolean writeUint16(JsonFlatWriter w, short v) {
        return writeInt64(w, v & 0xFFFFL);
    }

    static boolean writeUint32(JsonFlatWriter w, int v) {
        return writeInt64(w, v & 0xFFFF_FFFFL);
    }

    static boolean writeUint64(JsonFlatWriter w, long v) {
        if (v >= 0) {
            w.writeDigits(v);
        } else {
            long quotient = (v >>> 1) / 5;
            w.writeDigits(quotient);
            w.writeByte('0' + (int) (v - quotient * 10));
        }
        return true;
    }

    static boolean writeChar(JsonFlatWriter w, char v) {
        return writeInt64(w, v);
    }

    /** Go's float32 form; an integer below 2^24 is its own shortest form, written without a String. */
    static boolean writeFloat32(JsonFlatWriter w, float v) {
        if (!Float.isFinite(v)) {
            return false;
        }
        if (Math.abs(v) < 0x1p24f && v == (long) v && !isNegativeZero(v)) {
            return writeInt64(w, (long) v);
        }
        w.writeAscii(GoFloats.format(v));
        return true;
    }

    /** Go's float64 form; an integer below 2^53 is its own shortest form, written without a String. */
    static boolean writeFloat64(JsonFlatWriter w, double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        if (Math.abs(v) < 0x1p53 && v == (long) v && !isNegativeZero(v)) {
            return writeInt64(w, (long) v);
        }
        w.writeAscii(GoFloats.format(v));
        return true;
    }

    private static boolean isNegativeZero(double v) {
        return Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
    }

    /** {@code s}, all ASCII, as it is. */
    private void writeAscii(String s) {
        int n = s.length();
        byte[] b = ensure(n);
        for (int k = 0; k < n; k++) {
            b[length + k] = (byte) s.charAt(k);
        }
        length += n;
    }

    /** A non-negative value in decimal. */
    private void writeDigits(long v) {
        int n = 1;
        for (long limit = 10; n < 19 && v >= limit; limit *= 10) {
            n++;
        }
        byte[] b = ensure(n);
        int at = length;
        long rest = v;
        for (int i = at + n - 1; i >= at; i--) {
            b[i] = (byte) ('0' + (int) (rest % 10));
            rest /= 10;
        }
        length = at + n;
    }

    private void writeChars(String s) {
        int len = s.length();
        int i = 0;
        while (i < len) {
            int stop = Math.min(len, i + CHUNK);
            byte[] b = ensure((stop - i) * MAX_BYTES_PER_CHAR);
            int w = length;
            while (i < stop) {
                char c = s.charAt(i++);
                if (c < 0x80) {
                    w = writeAscii(b, w, c);
                } else if (Character.isHighSurrogate(c) && i < len && Character.isLowSurrogate(s.charAt(i))) {
                    // A pair ending past the chunk still fits: 4 bytes for 2 characters.
                    w = writeUtf8(b, w, Character.toCodePoint(c, s.charAt(i++)));
                } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                    w = writeUnicodeEscape(b, w, c);
                } else {
                    w = writeUtf8(b, w, c);
                }
            }
            length = w;
        }
    }

    private static int writeAscii(byte[] b, int w, char c) {
        int code = ASCII[c];
        if (code == 0) {
            b[w] = (byte) c;
            return w + 1;
        }
        if (code > 0) {
            b[w] = '\\';
            b[w + 1] = (byte) code;
            return w + 2;
        }
        return writeUnicodeEscape(b, w, c);
    }

    private static int writeUnicodeEscape(byte[] b, int w, char c) {
        b[w] = '\\';
        b[w + 1] = 'u';
        for (int k = 0; k < 4; k++) {
            b[w + 2 + k] = HEX[(c >> (12 - 4 * k)) & 0xF];
        }
        return w + MAX_BYTES_PER_CHAR;
    }

    /** A code point of U+0080 or more as UTF-8. */
    private static int writeUtf8(byte[] b, int w, int cp) {
        if (cp < 0x800) {
            b[w] = (byte) (0xC0 | cp >> 6);
            b[w + 1] = (byte) (0x80 | cp & 0x3F);
            return w + 2;
        }
        if (cp < 0x10000) {
            b[w] = (byte) (0xE0 | cp >> 12);
            b[w + 1] = (byte) (0x80 | cp >> 6 & 0x3F);
            b[w + 2] = (byte) (0x80 | cp & 0x3F);
            return w + 3;
        }
        b[w] = (byte) (0xF0 | cp >> 18);
        b[w + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[w + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[w + 3] = (byte) (0x80 | cp & 0x3F);
        return w + 4;
    }
}
