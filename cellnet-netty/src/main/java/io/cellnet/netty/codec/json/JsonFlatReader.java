package io.cellnet.netty.codec.json;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads one flat JSON object for a {@link JsonFlatPlan} into per-field slots, without boxing and,
 * for ASCII strings and simple numbers, without garbage beyond the decoded Strings; the plan's
 * constructor handles then read the slots ({@code longSlot} and the like). {@link #read} returns
 * false for anything outside the fast path's subset: then nothing is decided and Jackson decodes
 * the body. Beyond {@link JsonFlatScanner}'s subset it also returns false for a key seen twice, a
 * value of another JSON type than the field's, a number out of the field's range or with a
 * fraction or exponent for an integer field, and a top-level value other than an object
 * (including {@code null}).
 *
 * <p>Thread safety: one per thread, taken with {@link #acquire()} and given back with
 * {@link #release()}; a decode nested in another on the same thread gets a new one.
 */
final class JsonFlatReader {
    /** Direct buffers are copied into a reused array up to this size, and into a new one above. */
    private static final int MAX_KEPT_COPY = 64 * 1024;
    private static final FastThreadLocal<JsonFlatReader> SPARE = new FastThreadLocal<>() {
        @Override
        protected JsonFlatReader initialValue() {
            return new JsonFlatReader();
        }
    };

    /** Integers read in place have at most this many digits, so that they fit a long; longer ones go to the scanner. */
    private static final int IN_PLACE_DIGITS = 18;

    private final JsonFlatScanner scan = new JsonFlatScanner();
    private byte[] copy = new byte[256];
    private long[] numbers = new long[16];
    private @Nullable String[] strings = new String[16];
    /** Bit i: field i had a key. */
    private long seen;
    /** The slots the last read used. */
    private int used;
    private boolean inUse;

    private JsonFlatReader() {
    }

    static JsonFlatReader acquire() {
        JsonFlatReader r = SPARE.get();
        if (r.inUse) {
            r = new JsonFlatReader();
        }
        r.inUse = true;
        return r;
    }

    void release() {
        Arrays.fill(strings, 0, used, null);
        scan.clear();
        inUse = false;
    }

    /** Bit i set: the body had a key for field i. */
    long seen() {
        return seen;
    }

    /** Reads the readable bytes of {@code body}; false if Jackson must decode them. */
    boolean read(JsonFlatPlan plan, ByteBuf body) {
        int length = body.readableBytes();
        if (body.hasArray()) {
            return read(plan, body.array(), body.arrayOffset() + body.readerIndex(), length);
        }
        byte[] bytes = copy;
        if (length > bytes.length) {
            bytes = new byte[length];
            copy = length <= MAX_KEPT_COPY ? bytes : copy;
        }
        body.getBytes(body.readerIndex(), bytes, 0, length);
        return read(plan, bytes, 0, length);
    }

    private boolean read(JsonFlatPlan plan, byte[] in, int from, int length) {
        clearSlots(plan);
        if (inOrder(plan, in, from, from + length)) {
            return true;
        }
        clearSlots(plan);
        scan.reset(in, from, from + length);
        scan.skipWhitespace();
        if (!scan.consume('{')) {
            return false;
        }
        scan.skipWhitespace();
        if (!scan.consume('}') && !(members(plan) && scan.consume('}'))) {
            return false;
        }
        scan.skipWhitespace();
        return scan.atEnd();
    }

    /**
     * The shape that Go's encoding/json and this codec write: every key once, spelled as declared
     * and in declaration order, without whitespace. A key is one comparison with the plan's
     * {@code "Name":} prefix instead of a search, and strings without escapes and integers are read
     * in place; other values go through the scanner as in {@link #member}. What this accepts the
     * general path accepts too, into the same slots, so false only means "take the general path".
     */
    private boolean inOrder(JsonFlatPlan plan, byte[] in, int from, int to) {
        int p = from;
        if (p >= to || in[p] != '{') {
            return false;
        }
        p++;
        int n = plan.size();
        for (int i = 0; i < n && p >= 0; i++) {
            byte[] prefix = plan.prefix(i);
            if (!startsWith(in, p, to, prefix)) {
                return false;
            }
            p += prefix.length;
            JsonFlatKind kind = plan.kind(i);
            if (kind == JsonFlatKind.STRING) {
                p = stringAt(in, p, to, i);
            } else if (kind.isInteger()) {
                p = integerAt(kind, in, p, to, i);
            } else {
                scan.reset(in, p, to);
                p = member(kind, i) ? scan.position() : -1;
            }
        }
        if (p < 0 || p + 1 != to || in[p] != '}') {
            return false;
        }
        seen = n == Long.SIZE ? -1L : (1L << n) - 1;
        return true;
    }

    private static boolean startsWith(byte[] in, int at, int to, byte[] prefix) {
        if (to - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (in[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** A string without escapes, control or non-ASCII bytes at {@code p} into slot {@code i}; the index after it, or -1. */
    private int stringAt(byte[] in, int p, int to, int i) {
        if (p >= to || in[p] != '"') {
            return -1;
        }
        int start = p + 1;
        int close = JsonFlatScanner.plainStringEnd(in, start, to);
        if (close < 0) {
            return -1;
        }
        strings[i] = new String(in, start, close - start, StandardCharsets.ISO_8859_1);
        return close + 1;
    }

    /**
     * An integer of at most {@link #IN_PLACE_DIGITS} digits, without fraction or exponent and within
     * the kind's range, at {@code p} into slot {@code i}; the index after it, or -1.
     */
    private int integerAt(JsonFlatKind kind, byte[] in, int p, int to, int i) {
        boolean negative = p < to && in[p] == '-';
        int first = negative ? p + 1 : p;
        int limit = Math.min(to, first + IN_PLACE_DIGITS);
        long magnitude = 0;
        int k = first;
        for (; k < limit && in[k] >= '0' && in[k] <= '9'; k++) {
            magnitude = magnitude * 10 + (in[k] - '0');
        }
        if (k == first || in[first] == '0' && k > first + 1
                || k < to && (in[k] == '.' || in[k] == 'e' || in[k] == 'E' || in[k] >= '0' && in[k] <= '9')) {
            return -1;
        }
        if (!kind.holds(negative, magnitude)) {
            return -1;
        }
        numbers[i] = negative ? -magnitude : magnitude;
        return k;
    }

    private void clearSlots(JsonFlatPlan plan) {
        int n = plan.size();
        if (numbers.length < n) {
            numbers = new long[n];
            strings = new String[n];
        }
        seen = 0;
        used = n;
        for (int i = 0; i < n; i++) {
            numbers[i] = 0;
            strings[i] = plan.kind(i) == JsonFlatKind.STRING ? "" : null;
        }
    }

    /** {@code "key": value} pairs separated by commas, up to (not including) the closing brace. */
    private boolean members(JsonFlatPlan plan) {
        int hint = 0;
        do {
            scan.skipWhitespace();
            if (!scan.key()) {
                return false;
            }
            scan.skipWhitespace();
            if (!scan.consume(':')) {
                return false;
            }
            scan.skipWhitespace();
            int field = plan.field(scan.input(), scan.tokenStart, scan.tokenEnd, hint);
            if (field < 0 ? !scan.skipValue(1) : !member(plan.kind(field), field)) {
                return false;
            }
            hint = field + 1;
            scan.skipWhitespace();
        } while (scan.consume(','));
        return true;
    }

    /** The value of field {@code i}; a repeated key is left to Jackson (it fails on some). */
    private boolean member(JsonFlatKind kind, int i) {
        long bit = 1L << i;
        if ((seen & bit) != 0) {
            return false;
        }
        seen |= bit;
        if (scan.peek() == 'n') {
            return scan.literal(JsonFlatScanner.NULL);
        }
        switch (kind) {
            case STRING:
                strings[i] = scan.peek() == '"' ? scan.string() : null;
                return strings[i] != null;
            case BOOLEAN:
                numbers[i] = scan.peek() == 't' ? 1 : 0;
                return scan.literal(numbers[i] != 0 ? JsonFlatScanner.TRUE : JsonFlatScanner.FALSE);
            case FLOAT32:
            case FLOAT64:
                return scan.number() && floatingPoint(kind == JsonFlatKind.FLOAT32, i);
            default:
                return scan.number() && scan.integral && integer(kind, i);
        }
    }

    private boolean floatingPoint(boolean single, int i) {
        double v = JsonFlatNumbers.toDouble(scan.input(), scan.tokenStart, scan.tokenEnd, scan.integral, single);
        if (Double.isNaN(v)) {
            return false;
        }
        numbers[i] = single ? Float.floatToRawIntBits((float) v) : Double.doubleToRawLongBits(v);
        return true;
    }

    /** An integer within the kind's range, stored as its (unsigned for unsigned kinds) value. */
    private boolean integer(JsonFlatKind kind, int i) {
        byte[] in = scan.input();
        boolean negative = in[scan.tokenStart] == '-';
        int digits = negative ? scan.tokenStart + 1 : scan.tokenStart;
        if (!JsonFlatNumbers.fitsUint64(in, digits, scan.tokenEnd)) {
            return false;
        }
        long magnitude = JsonFlatNumbers.magnitude(in, digits, scan.tokenEnd);
        if (!kind.holds(negative, magnitude)) {
            return false;
        }
        numbers[i] = negative ? -magnitude : magnitude;
        return true;
    }

    // The slots, read by the plan's constructor and setter handles (see JsonFlatKind#slot).

    static @Nullable String stringSlot(JsonFlatReader r, int i) {
        return r.strings[i];
    }

    static boolean booleanSlot(JsonFlatReader r, int i) {
        return r.numbers[i] != 0;
    }

    static byte byteSlot(JsonFlatReader r, int i) {
        return (byte) r.numbers[i];
    }

    static short shortSlot(JsonFlatReader r, int i) {
        return (short) r.numbers[i];
    }

    static char charSlot(JsonFlatReader r, int i) {
        return (char) r.numbers[i];
    }

    static int intSlot(JsonFlatReader r, int i) {
        return (int) r.numbers[i];
    }

    static long longSlot(JsonFlatReader r, int i) {
        return r.numbers[i];
    }

    static float floatSlot(JsonFlatReader r, int i) {
        return Float.intBitsToFloat((int) r.numbers[i]);
    }

    static double doubleSlot(JsonFlatReader r, int i) {
        return Double.longBitsToDouble(r.numbers[i]);
    }
}
