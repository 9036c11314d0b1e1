package io.cellnet.netty.codec.json;

import java.util.Arrays;

/**
 * Decodes JSON strings for {@link JsonFlatScanner}, as Jackson reads them: the escapes
 * <code>&#92;" &#92;&#92; &#92;/ &#92;b &#92;f &#92;n &#92;r &#92;t</code> and <code>&#92;uXXXX</code> (hex digits in
 * either case, unpaired surrogates kept as they are), and UTF-8. It refuses (-1) what Jackson
 * refuses (other escapes, raw control characters) and also what Jackson reads leniently: UTF-8
 * that is not well-formed and shortest (overlong forms, encoded surrogates, beyond U+10FFFF).
 *
 * <p>Thread safety: confined to its scanner.
 */
final class JsonFlatStrings {
    private byte[] in = JsonFlatScanner.EMPTY;
    private int pos;
    private int end;
    private char[] chars = new char[64];

    /** The index after the closing quote of the last string decoded. */
    int next() {
        return pos;
    }

    /** The last string decoded, of length {@code n}. */
    String text(int n) {
        return new String(chars, 0, n);
    }

    /** Lets go of the input array. */
    void clear() {
        in = JsonFlatScanner.EMPTY;
    }

    /**
     * Decodes the string whose opening quote is {@code input[at]}, within {@code input[..to)};
     * its length in chars, or -1 if it is outside the subset. Then {@link #next()} is the index
     * after the closing quote and {@link #text(int)} the string.
     */
    int decode(byte[] input, int at, int to) {
        in = input;
        end = to;
        pos = at + 1;
        int start = at;
        int n = 0;
        while (pos < end && pos - start <= JsonFlatScanner.MAX_STRING_BYTES) {
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return n;
            }
            if (n + 2 > chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
            if (b == '\\') {
                n = escape(n);
            } else if (b < 0x20) {
                return -1;
            } else if (b < 0x80) {
                chars[n++] = (char) b;
                pos++;
            } else {
                n = utf8(n);
            }
            if (n < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The escape at the cursor into {@code chars[n]}; the new length, or -1. */
    private int escape(int n) {
        if (pos + 1 >= end) {
            return -1;
        }
        char c;
        switch (in[pos + 1]) {
            case '"' -> c = '"';
            case '\\' -> c = '\\';
            case '/' -> c = '/';
            case 'b' -> c = '\b';
            case 'f' -> c = '\f';
            case 'n' -> c = '\n';
            case 'r' -> c = '\r';
            case 't' -> c = '\t';
            case 'u' -> {
                return unicodeEscape(n);
            }
            default -> {
                return -1;
            }
        }
        chars[n] = c;
        pos += 2;
        return n + 1;
    }

    /** <code>&#92;uXXXX</code>: one UTF-16 unit, unpaired surrogates included (as Jackson reads it). */
    private int unicodeEscape(int n) {
        if (pos + 6 > end) {
            return -1;
        }
        int v = 0;
        for (int k = 2; k < 6; k++) {
            int h = Character.digit(in[pos + k], 16);
            if (h < 0) {
                return -1;
            }
            v = v << 4 | h;
        }
        chars[n] = (char) v;
        pos += 6;
        return n + 1;
    }

    /** A well-formed, shortest UTF-8 sequence (no surrogates, at most U+10FFFF); else -1. */
    private int utf8(int n) {
        int b0 = in[pos] & 0xFF;
        int more = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
        int cp = b0 & (0x3F >> more);
        if (b0 < 0xC2 || b0 > 0xF4 || pos + more >= end) {
            return -1;
        }
        for (int k = 1; k <= more; k++) {
            int c = in[pos + k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | c & 0x3F;
        }
        boolean shortest = more == 1 || more == 2 && cp >= 0x800 || more == 3 && cp >= 0x10000;
        if (!shortest || Character.isSurrogate((char) cp) && cp < 0x10000 || cp > Character.MAX_CODE_POINT) {
            return -1;
        }
        pos += more + 1;
        return Character.toChars(cp, chars, n) + n;
    }
}
