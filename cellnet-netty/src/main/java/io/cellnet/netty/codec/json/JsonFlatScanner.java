package io.cellnet.netty.codec.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.nio.charset.StandardCharsets;

/**
 * The byte-level half of the json fast path's reader: whitespace, keys, strings, numbers and
 * literals over a byte array, and skipping any JSON value. It accepts a strict subset of what
 * Jackson accepts: every method returns false (or -1, or null) on anything else, and the caller
 * then leaves the whole body to Jackson. Outside the subset are, among others: malformed JSON,
 * invalid or non-shortest UTF-8, keys with escapes or non-ASCII bytes, and input beyond limits
 * far below Jackson's own ({@link #MAX_DEPTH}, {@link #MAX_KEYS}, {@link #MAX_STRING_BYTES},
 * {@link #MAX_NUMBER_CHARS}, {@link #MAX_KEY_BYTES}).
 *
 * <p>Thread safety: confined to one decode at a time (owned by a {@link JsonFlatReader}).
 */
final class JsonFlatScanner {
    public static final int MAX_DEPTH = 32;
    static final int MAX_KEYS = 256;
    static final int MAX_STRING_BYTES = 1 << 20;
    static final int MAX_NUMBER_CHARS = 64;
    static final int MAX_KEY_BYTES = 1024;
    static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EMPTY = new byte[0];

    private byte[] in = EMPTY;
    private int pos;
    private int end;
    private int keys;
    private final JsonFlatStrings strings = new JsonFlatStrings();
    /** The last key or number read: {@code [tokenStart, tokenEnd)} of the input. */
    int tokenStart;
    int tokenEnd;
    /** Whether the last number read has neither fraction nor exponent. */
    boolean integral;

    /**
     * Whether Jackson's limits are all above this scanner's, so that no input the scanner accepts
     * breaks one of them (they are global and may have been lowered).
     */
    static boolean withinLimits(StreamReadConstraints c) {
        return !c.hasMaxDocumentLength() && !c.hasMaxTokenCount() && c.getMaxNestingDepth() > MAX_DEPTH
                && c.getMaxStringLength() >= MAX_STRING_BYTES && c.getMaxNameLength() >= MAX_KEY_BYTES
                && c.getMaxNumberLength() >= MAX_NUMBER_CHARS;
    }

    void reset(byte[] input, int from, int to) {
        in = input;
        pos = from;
        end = to;
        keys = 0;
    }

    byte[] input() {
        return in;
    }

    /** Lets go of the input array. */
    void clear() {
        in = EMPTY;
        strings.clear();
    }

    /** The next byte (0..255), or -1 at the end. */
    int peek() {
        return pos < end ? in[pos] & 0xFF : -1;
    }

    /** The index of the next byte. */
    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos == end;
    }

    /** JSON whitespace: space, tab, line feed, carriage return. */
    void skipWhitespace() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
    }

    boolean consume(char c) {
        if (pos < end && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** A key of printable ASCII without escapes, into {@link #tokenStart}/{@link #tokenEnd}. */
    boolean key() {
        if (++keys > MAX_KEYS || !consume('"')) {
            return false;
        }
        int start = pos;
        int limit = Math.min(end, start + MAX_KEY_BYTES);
        for (int i = start; i < limit; i++) {
            byte b = in[i];
            if (b == '"') {
                tokenStart = start;
                tokenEnd = i;
                pos = i + 1;
                return true;
            }
            if (b < 0x20 || b == '\\' || b == 0x7F) {
                return false; // also bytes >= 0x80, which are negative
            }
        }
        return false;
    }

    /** A string value, or null if it is outside the subset. */
    String string() {
        int start = pos + 1;
        int close = plainStringEnd(in, start, end);
        if (close >= 0) {
            pos = close + 1;
            return new String(in, start, close - start, StandardCharsets.ISO_8859_1);
        }
        int n = skipString();
        return n < 0 ? null : strings.text(n);
    }

    /**
     * The index of the closing quote of a string whose text starts at {@code start}, when that text
     * is printable ASCII without escapes and at most {@link #MAX_STRING_BYTES} long (its bytes are
     * then its chars); -1 otherwise, and the string needs decoding.
     */
    static int plainStringEnd(byte[] in, int start, int end) {
        int limit = Math.min(end, start + MAX_STRING_BYTES);
        for (int i = start; i < limit; i++) {
            byte b = in[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\') {
                return -1; // an escape, a control character or a non-ASCII byte (negative)
            }
        }
        return -1;
    }

    /** Decodes the string at the cursor and moves past it; its length in chars, or -1. */
    private int skipString() {
        int n = strings.decode(in, pos, end);
        pos = n < 0 ? pos : strings.next();
        return n;
    }

    /** A number by JSON's grammar, into {@link #tokenStart}/{@link #tokenEnd}/{@link #integral}. */
    boolean number() {
        int i = pos < end && in[pos] == '-' ? pos + 1 : pos;
        i = i < end && in[i] == '0' ? i + 1 : requireDigits(i);
        int intEnd = i;
        if (i >= 0 && i < end && in[i] == '.') {
            i = requireDigits(i + 1);
        }
        if (i >= 0 && i < end && (in[i] == 'e' || in[i] == 'E')) {
            i = requireDigits(i + 1 < end && (in[i + 1] == '+' || in[i + 1] == '-') ? i + 2 : i + 1);
        }
        if (i < 0 || i - pos > MAX_NUMBER_CHARS) {
            return false;
        }
        integral = i == intEnd;
        tokenStart = pos;
        tokenEnd = i;
        pos = i;
        return true;
    }

    private int digits(int from) {
        int i = from;
        while (i < end && in[i] >= '0' && in[i] <= '9') {
            i++;
        }
        return i;
    }

    /** The end of one or more digits at {@code from}, or -1 if there are none. */
    private int requireDigits(int from) {
        int i = digits(from);
        return i == from ? -1 : i;
    }

    /** The exact bytes of {@code word}. */
    boolean literal(byte[] word) {
        if (end - pos < word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (in[pos + k] != word[k]) {
                return false;
            }
        }
        pos += word.length;
        return true;
    }

    /** Skips any one JSON value (objects and arrays up to {@link #MAX_DEPTH} deep). */
    boolean skipValue(int depth) {
        switch (peek()) {
            case '"':
                return skipString() >= 0;
            case '{':
                return depth < MAX_DEPTH && skipContainer('}', depth + 1);
            case '[':
                return depth < MAX_DEPTH && skipContainer(']', depth + 1);
            case 't':
                return literal(TRUE);
            case 'f':
                return literal(FALSE);
            case 'n':
                return literal(NULL);
            default:
                return number();
        }
    }

    /** An object ({@code close} is '}') or array (']') at the cursor. */
    private boolean skipContainer(char close, int depth) {
        pos++;
        skipWhitespace();
        if (consume(close)) {
            return true;
        }
        do {
            skipWhitespace();
            if (close == '}' && !skipMember(depth)) {
                return false;
            }
            if (close == ']' && !skipValue(depth)) {
                return false;
            }
            skipWhitespace();
        } while (consume(','));
        return consume(close);
    }

    /** {@code "key": value} inside a skipped object; the key may be any valid string. */
    private boolean skipMember(int depth) {
        if (++keys > MAX_KEYS || peek() != '"' || skipString() < 0) {
            return false;
        }
        skipWhitespace();
        if (!consume(':')) {
            return false;
        }
        skipWhitespace();
        return skipValue(depth);
    }
}
