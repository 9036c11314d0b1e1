package io.cellnet.netty.codec.json;

import java.nio.charset.StandardCharsets;

/**
 * Turns the text of a JSON number, already checked against JSON's grammar, into the value Jackson
 * gives it, or reports that the fast path must leave it to Jackson.
 *
 * <ul>
 *   <li>Integers: the unsigned magnitude of up to 20 digits, range-checked per
 *       {@link JsonFlatKind}.
 *   <li>An integer into a float field: Jackson converts it through {@code int}/{@code long} (so
 *       {@code -0} is {@code 0.0}), or parses the text when it is longer than a {@code long}.
 *   <li>Other numbers into a float field: Jackson's {@code Double.parseDouble} or
 *       {@code Float.parseFloat}. Exact when the digits and the power of ten are both exactly
 *       representable (Clinger's fast path: one correctly rounded operation); otherwise the text
 *       is parsed as a String, the one allocation left on this path.
 * </ul>
 *
 * <p>Thread safety: stateless.
 */
final class JsonFlatNumbers {
    /** The result of a float conversion the fast path does not take. */
    static final double UNHANDLED = Double.NaN;

    private static final byte[] MAX_UINT64 = "18446744073709551615".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LONG_DIGITS = 18;
    private static final int MAX_EXACT_DOUBLE_DIGITS = 15;
    private static final int MAX_EXACT_FLOAT_DIGITS = 7;
    private static final int MAX_DOUBLE_POWER = 22;
    private static final int MAX_FLOAT_POWER = 10;
    private static final int MAX_EXPONENT_DIGITS = 4;
    private static final double[] DOUBLE_POWERS = new double[MAX_DOUBLE_POWER + 1];
    private static final float[] FLOAT_POWERS = new float[MAX_FLOAT_POWER + 1];

    static {
        double d = 1;
        for (int i = 0; i <= MAX_DOUBLE_POWER; i++, d *= 10) {
            DOUBLE_POWERS[i] = d;
        }
        float f = 1;
        for (int i = 0; i <= MAX_FLOAT_POWER; i++, f *= 10) {
            FLOAT_POWERS[i] = f;
        }
    }

    private JsonFlatNumbers() {
    }

    /** Whether the digits {@code [from, to)} (no sign, no leading zero) fit in 64 unsigned bits. */
    static boolean fitsUint64(byte[] in, int from, int to) {
        int len = to - from;
        if (len != MAX_UINT64.length) {
            return len < MAX_UINT64.length;
        }
        for (int i = 0; i < len; i++) {
            if (in[from + i] != MAX_UINT64[i]) {
                return in[from + i] < MAX_UINT64[i];
            }
        }
        return true;
    }

    /** The digits {@code [from, to)} as unsigned 64-bit bits; call only when they fit. */
    static long magnitude(byte[] in, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (in[i] - '0');
        }
        return v;
    }

    /**
     * The value of a number of {@code [from, to)} for a float or double field, or
     * {@link #UNHANDLED}. {@code integral}: the text has no fraction and no exponent.
     */
    static double toDouble(byte[] in, int from, int to, boolean integral, boolean single) {
        boolean negative = in[from] == '-';
        int digits = negative ? from + 1 : from;
        if (integral && to - digits <= MAX_LONG_DIGITS) {
            long v = magnitude(in, digits, to);
            long signed = negative ? -v : v;
            return single ? (float) signed : (double) signed;
        }
        double exact = integral ? UNHANDLED : exact(in, from, to, single);
        if (!Double.isNaN(exact)) {
            return exact;
        }
        String text = new String(in, from, to - from, StandardCharsets.US_ASCII);
        double parsed = single ? Float.parseFloat(text) : Double.parseDouble(text);
        return Double.isInfinite(parsed) ? UNHANDLED : parsed;
    }

    /** Clinger's fast path in double or single precision, or {@link #UNHANDLED}. */
    private static double exact(byte[] in, int from, int to, boolean single) {
        long significand = significand(in, from, to, single ? MAX_EXACT_FLOAT_DIGITS : MAX_EXACT_DOUBLE_DIGITS);
        int power = power(in, from, to);
        if (significand < 0 || Math.abs(power) > (single ? MAX_FLOAT_POWER : MAX_DOUBLE_POWER)) {
            return significand == 0 ? signed(in[from], 0.0) : UNHANDLED;
        }
        if (single) {
            float v = power >= 0 ? significand * FLOAT_POWERS[power] : significand / FLOAT_POWERS[-power];
            return signed(in[from], v);
        }
        double v = power >= 0 ? significand * DOUBLE_POWERS[power] : significand / DOUBLE_POWERS[-power];
        return signed(in[from], v);
    }

    private static double signed(byte first, double v) {
        return first == '-' ? -v : v;
    }

    /**
     * The digits before the exponent as one integer, ignoring the point; -1 if more than
     * {@code maxDigits} are significant (leading zeros are not).
     */
    private static long significand(byte[] in, int from, int to, int maxDigits) {
        long significand = 0;
        int digits = 0;
        for (int i = in[from] == '-' ? from + 1 : from; i < to && !isExponent(in[i]); i++) {
            if (in[i] != '.') {
                significand = significand * 10 + (in[i] - '0');
                digits += significand == 0 ? 0 : 1;
            }
        }
        return digits > maxDigits ? -1 : significand;
    }

    /**
     * The power of ten to apply to {@link #significand}: the exponent minus the fraction digits;
     * {@link Integer#MAX_VALUE} if the exponent has more than four digits.
     */
    private static int power(byte[] in, int from, int to) {
        int i = from;
        int point = -1;
        while (i < to && !isExponent(in[i])) {
            point = in[i] == '.' ? i : point;
            i++;
        }
        int fractionDigits = point < 0 ? 0 : i - point - 1;
        if (i == to) {
            return -fractionDigits;
        }
        boolean negative = in[i + 1] == '-';
        int digits = in[i + 1] == '-' || in[i + 1] == '+' ? i + 2 : i + 1;
        if (to - digits > MAX_EXPONENT_DIGITS) {
            return Integer.MAX_VALUE;
        }
        int e = (int) magnitude(in, digits, to);
        return (negative ? -e : e) - fractionDigits;
    }

    private static boolean isExponent(byte b) {
        return b == 'e' || b == 'E';
    }
}
