package io.cellnet;

/**
 * Go cellnet's {@code util.StringHash}: the 16-bit hash that gives most messages their id
 * ({@code id = StringHash("main.TestEchoACK") = 4673}).
 *
 * <p>Per Unicode code point {@code c} (truncated to 16 bits):
 * {@code h = (h + (h << 5) + c + (c << 7)) & 0xFFFF}, starting from 0. Code points, not UTF-16
 * chars: a supplementary character counts once. For bytes, invalid UTF-8 counts as U+FFFD once per
 * bad byte, as Go's {@code range} over a string does.
 *
 * <p>Thread safety: stateless.
 */
public final class StringHash {
    private static final int REPLACEMENT = 0xFFFD;

    private StringHash() {
    }

    /** The hash of {@code s}'s code points. */
    public static int hash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            h = step(h, cp);
            i += Character.charCount(cp);
        }
        return h;
    }

    /** The hash of UTF-8 bytes decoded as Go decodes them (each invalid byte is U+FFFD). */
    public static int hash(byte[] utf8) {
        int h = 0;
        int i = 0;
        while (i < utf8.length) {
            int b0 = utf8[i] & 0xFF;
            int cp;
            int width;
            if (b0 < 0x80) {
                cp = b0;
                width = 1;
            } else if (b0 >= 0xC2 && b0 <= 0xDF && cont(utf8, i + 1, 0x80, 0xBF)) {
                cp = (b0 & 0x1F) << 6 | (utf8[i + 1] & 0x3F);
                width = 2;
            } else if (b0 >= 0xE0 && b0 <= 0xEF
                    && cont(utf8, i + 1, b0 == 0xE0 ? 0xA0 : 0x80, b0 == 0xED ? 0x9F : 0xBF)
                    && cont(utf8, i + 2, 0x80, 0xBF)) {
                cp = (b0 & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F);
                width = 3;
            } else if (b0 >= 0xF0 && b0 <= 0xF4
                    && cont(utf8, i + 1, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF)
                    && cont(utf8, i + 2, 0x80, 0xBF) && cont(utf8, i + 3, 0x80, 0xBF)) {
                cp = (b0 & 0x07) << 18 | (utf8[i + 1] & 0x3F) << 12 | (utf8[i + 2] & 0x3F) << 6
                        | (utf8[i + 3] & 0x3F);
                width = 4;
            } else {
                cp = REPLACEMENT;
                width = 1;
            }
            h = step(h, cp);
            i += width;
        }
        return h;
    }

    private static boolean cont(byte[] b, int i, int lo, int hi) {
        if (i >= b.length) {
            return false;
        }
        int v = b[i] & 0xFF;
        return v >= lo && v <= hi;
    }

    private static int step(int h, int codePoint) {
        int c = codePoint & 0xFFFF;
        return (h + (h << 5) + c + (c << 7)) & 0xFFFF;
    }
}
