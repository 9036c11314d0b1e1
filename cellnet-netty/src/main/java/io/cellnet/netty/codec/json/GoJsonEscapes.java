package io.cellnet.netty.codec.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import org.jspecify.annotations.Nullable;

/**
 * String escaping as in Go's encoding/json: {@code <}, {@code >} and {@code &} as
 * <code>&#92;u003c</code>, <code>&#92;u003e</code>, <code>&#92;u0026</code>; control characters as <code>&#92;u00XX</code> except
 * {@code \n}, {@code \r} and {@code \t}; U+2028 and U+2029 as <code>&#92;u2028</code> and <code>&#92;u2029</code>;
 * characters outside the BMP raw, as UTF-8. Hex digits are lower case (the factory turns off
 * {@code WRITE_HEX_UPPER_CASE}). A lone surrogate, which a Go string cannot hold, is written as
 * its own escape (Go's decoder reads it as U+FFFD).
 *
 * <p>Thread safety: immutable.
 */
final class GoJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] ascii;

    GoJsonEscapes() {
        ascii = standardAsciiEscapesForJSON();
        for (char c : new char[] {'<', '>', '&', '\b', '\f'}) {
            ascii[c] = ESCAPE_STANDARD;
        }
    }

    /** The shared table; Jackson's generators only read it, so it is not copied per generator. */
    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
        if (ch == '\u2028') {
            return LINE_SEPARATOR;
        }
        if (ch == '\u2029') {
            return PARAGRAPH_SEPARATOR;
        }
        return null;
    }
}
