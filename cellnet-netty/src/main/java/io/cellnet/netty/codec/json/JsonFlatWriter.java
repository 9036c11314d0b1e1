package io.cellnet.netty.codec.json;

import io.cellnet.netty.codec.Unsigned;
import io.cellnet.netty.internal.codec.GoFloats;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Writes the values of the json fast path straight into a {@link ByteBuf}, byte for byte as
 * Jackson's generator does with {@link GoJson}'s configuration: strings escaped by the
 * {@link GoJsonEscapes} ASCII table, U+2028/U+2029 and lone surrogates as lower-case
 * <code>&#92;uXXXX</code>, surrogate pairs and other non-ASCII characters as raw UTF-8; integers in
 * decimal, {@link Unsigned} ones unsigned; floats by {@link GoFloats}. Each method returns false
 * when the value has no JSON form (NaN, infinities), so that Jackson reports it.
 *
 * <p>Thread safety: stateless.
 */
final class JsonFlatWriter {
    /** Jackson's escape codes for ASCII: 0 raw, positive a two-character escape, negative <code>&#92;u00XX</code>. */
    private static final int[] ASCII = new GoJsonEscapes().getEscapeCodesForAscii();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    /** Characters encoded per {@link ByteBuf#ensureWritable} call; each takes at most 6 bytes. */
    private static final int CHUNK = 256;
    private static final int MAX_BYTES_PER_CHAR = 6;

    private JsonFlatWriter() {
    }

    static boolean writeString(ByteBuf out, @Nullable String s) {
        out.writeByte('"');
        if (s != null) {
            writeChars(out, s);
        }
        out.writeByte('"');
        return true;
    }

    static boolean writeBoolean(ByteBuf out, boolean v) {
        out.writeBytes(v ? TRUE : FALSE);
        return true;
    }

    static boolean writeInt8(ByteBuf out, byte v) {
        return writeInt64(out, v);
    }

    static boolean writeInt16(ByteBuf out, short v) {
        return writeInt64(out, v);
    }

    static boolean writeInt32(ByteBuf out, int v) {
        return writeInt64(out, v);
    }

    static boolean writeInt64(ByteBuf out, long v) {
        if (v < 0) {
            out.writeByte('-');
            // -Long.MIN_VALUE is itself, whose unsigned bits are 2^63: the right digits.
            return writeUint64(out, -v);
        }
        writeDigits(out, v);
        return true;
    }

    static boolean writeUint8(ByteBuf out, byte v) {
        return writeInt64(out, v & 0xFFL);
    }

    static boolean writeUint16(ByteBuf out, short v) {
        return writeInt64(out, v & 0xFFFFL);
    }

    static boolean writeUint32(ByteBuf out, int v) {
        return writeInt64(out, v & 0xFFFF_FFFFL);
    }

    static boolean writeUint64(ByteBuf out, long v) {
        if (v >= 0) {
            writeDigits(out, v);
        } else {
            long quotient = (v >>> 1) / 5;
            writeDigits(out, quotient);
            out.writeByte('0' + (int) (v - quotient * 10));
        }
        return true;
    }

    static boolean writeChar(ByteBuf out, char v) {
        return writeInt64(out, v);
    }

    /** Go's float32 form; an integer below 2^24 is its own shortest form, written without a String. */
    static boolean writeFloat32(ByteBuf out, float v) {
        if (!Float.isFinite(v)) {
            return false;
        }
        if (Math.abs(v) < 0x1p24f && v == (long) v && !isNegativeZero(v)) {
            return writeInt64(out, (long) v);
        }
        out.writeCharSequence(GoFloats.format(v), StandardCharsets.US_ASCII);
        return true;
    }

    /** Go's float64 form; an integer below 2^53 is its own shortest form, written without a String. */
    static boolean writeFloat64(ByteBuf out, double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        if (Math.abs(v) < 0x1p53 && v == (long) v && !isNegativeZero(v)) {
            return writeInt64(out, (long) v);
        }
        out.writeCharSequence(GoFloats.format(v), StandardCharsets.US_ASCII);
        return true;
    }

    private static boolean isNegativeZero(double v) {
        return Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
    }

    /** A non-negative value in decimal. */
    private static void writeDigits(ByteBuf out, long v) {
        int n = 1;
        for (long limit = 10; n < 19 && v >= limit; limit *= 10) {
            n++;
        }
        out.ensureWritable(n);
        int at = out.writerIndex();
        long rest = v;
        for (int i = at + n - 1; i >= at; i--) {
            out.setByte(i, '0' + (int) (rest % 10));
            rest /= 10;
        }
        out.writerIndex(at + n);
    }

    private static void writeChars(ByteBuf out, String s) {
        int len = s.length();
        int i = 0;
        while (i < len) {
            int stop = Math.min(len, i + CHUNK);
            out.ensureWritable((stop - i) * MAX_BYTES_PER_CHAR);
            int w = out.writerIndex();
            while (i < stop) {
                char c = s.charAt(i++);
                if (c < 0x80) {
                    w = writeAscii(out, w, c);
                } else if (Character.isHighSurrogate(c) && i < len && Character.isLowSurrogate(s.charAt(i))) {
                    // A pair ending past the chunk still fits: 4 bytes for 2 characters.
                    w = writeUtf8(out, w, Character.toCodePoint(c, s.charAt(i++)));
                } else if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                    w = writeUnicodeEscape(out, w, c);
                } else {
                    w = writeUtf8(out, w, c);
                }
            }
            out.writerIndex(w);
        }
    }

    private static int writeAscii(ByteBuf out, int w, char c) {
        int code = ASCII[c];
        if (code == 0) {
            out.setByte(w, c);
            return w + 1;
        }
        if (code > 0) {
            out.setByte(w, '\\');
            out.setByte(w + 1, code);
            return w + 2;
        }
        return writeUnicodeEscape(out, w, c);
    }

    private static int writeUnicodeEscape(ByteBuf out, int w, char c) {
        out.setByte(w, '\\');
        out.setByte(w + 1, 'u');
        for (int k = 0; k < 4; k++) {
            out.setByte(w + 2 + k, HEX[(c >> (12 - 4 * k)) & 0xF]);
        }
        return w + MAX_BYTES_PER_CHAR;
    }

    /** A code point of U+0080 or more as UTF-8. */
    private static int writeUtf8(ByteBuf out, int w, int cp) {
        if (cp < 0x800) {
            out.setByte(w, 0xC0 | cp >> 6);
            out.setByte(w + 1, 0x80 | cp & 0x3F);
            return w + 2;
        }
        if (cp < 0x10000) {
            out.setByte(w, 0xE0 | cp >> 12);
            out.setByte(w + 1, 0x80 | cp >> 6 & 0x3F);
            out.setByte(w + 2, 0x80 | cp & 0x3F);
            return w + 3;
        }
        out.setByte(w, 0xF0 | cp >> 18);
        out.setByte(w + 1, 0x80 | cp >> 12 & 0x3F);
        out.setByte(w + 2, 0x80 | cp >> 6 & 0x3F);
        out.setByte(w + 3, 0x80 | cp & 0x3F);
        return w + 4;
    }
}
