package io.cellnet.netty.internal.codec;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * Formats floating-point numbers as Go's encoding/json does: the shortest decimal that reads back
 * to the same value (at 32-bit precision for {@code float}), plain notation for magnitudes in
 * [1e-6, 1e21) and exponent notation otherwise ({@code 1e+21}, {@code 1e-7}); no trailing
 * {@code .0}.
 *
 * <p>Thread safety: stateless.
 */
public final class GoFloats {
    private GoFloats() {
    }

    /** Go's {@code json.Marshal(float64)}; NaN and infinities have no JSON form. */
    public static String format(double v) {
        checkFinite(v);
        String javaForm = NumberOutput.toString(v, true);
        if (isPlain(javaForm)) {
            return stripPointZero(javaForm);
        }
        double abs = Math.abs(v);
        return layout(shortest(javaForm, s -> Double.parseDouble(s) == v), abs != 0 && (abs < 1e-6 || abs >= 1e21));
    }

    /** Go's {@code json.Marshal(float32)}, at 32-bit precision. */
    public static String format(float v) {
        checkFinite(v);
        String javaForm = NumberOutput.toString(v, true);
        if (isPlain(javaForm)) {
            return stripPointZero(javaForm);
        }
        float abs = Math.abs(v);
        return layout(shortest(javaForm, s -> Float.parseFloat(s) == v), abs != 0 && (abs < 1e-6f || abs >= 1e21f));
    }

    /**
     * Java prints [1e-3, 1e7) without an exponent, and there its digits are already Go's: a value
     * that large has a rounding interval far narrower than one unit of its leading digit.
     */
    private static boolean isPlain(String javaForm) {
        return javaForm.indexOf('E') < 0;
    }

    private static String stripPointZero(String javaForm) {
        return javaForm.endsWith(".0") ? javaForm.substring(0, javaForm.length() - 2) : javaForm;
    }

    private static void checkFinite(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("unsupported value: " + v + " (Go's encoding/json refuses it too)");
        }
    }

    /**
     * The shortest decimal form of Java's shortest {@code toString}: Java always prints at least
     * two significant digits and then picks the closest, where Go may find a single digit that
     * still reads back ({@code 4.9E-324} is Go's {@code 5e-324}).
     */
    private static String shortest(String javaForm, Predicate<String> readsBack) {
        BigDecimal exact = new BigDecimal(javaForm).stripTrailingZeros();
        if (exact.precision() == 2) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN,
                RoundingMode.UP, RoundingMode.DOWN}) {
                BigDecimal one = exact.round(new MathContext(1, mode));
                if (best == null && readsBack.test(one.toString())) {
                    best = one;
                }
            }
            if (best != null) {
                exact = best;
            }
        }
        return exact.toString();
    }

    /** Lays out a {@link BigDecimal} string in Go's 'f' or 'e' style. */
    private static String layout(String decimal, boolean exponent) {
        BigDecimal d = new BigDecimal(decimal).stripTrailingZeros();
        if (d.signum() == 0) {
            return decimal.startsWith("-") ? "-0" : "0";
        }
        if (!exponent) {
            return d.toPlainString();
        }
        String unscaled = d.unscaledValue().abs().toString();
        int exp = unscaled.length() - 1 - d.scale();
        StringBuilder out = new StringBuilder(unscaled.length() + 6);
        if (d.signum() < 0) {
            out.append('-');
        }
        out.append(unscaled.charAt(0));
        if (unscaled.length() > 1) {
            out.append('.').append(unscaled, 1, unscaled.length());
        }
        out.append('e').append(exp < 0 ? '-' : '+');
        int absExp = Math.abs(exp);
        if (absExp < 10 && exp > 0) {
            out.append('0');
        }
        return out.append(absExp).toString();
    }
}
