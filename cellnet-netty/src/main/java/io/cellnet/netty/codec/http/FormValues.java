package io.cellnet.netty.codec.http;

import io.cellnet.codec.CodecException;
import io.cellnet.netty.internal.codec.GoFloats;
import io.cellnet.netty.internal.codec.MessageShape;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The field values of {@link HttpFormCodec}: which types, how they are written, read and escaped. */
final class FormValues {
    private static final Set<Class<?>> SUPPORTED = Set.of(String.class, boolean.class, Boolean.class, byte.class,
            Byte.class, short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class,
            Float.class, double.class, Double.class);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormValues() {
    }

    static void check(MessageShape.Member m, Class<?> owner) {
        if (!SUPPORTED.contains(m.type())) {
            throw new CodecException("httpform carries string, bool, integer and float fields only, not "
                    + m.type().getTypeName() + " (" + m.describe(owner) + ")");
        }
    }

    static String format(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Float f) {
            return GoFloats.format(f.floatValue());
        }
        if (value instanceof Double d) {
            return GoFloats.format(d.doubleValue());
        }
        return value.toString();
    }

    /** What a missing key gives: nothing for a class (the constructor's value stays), zero for a record. */
    static @Nullable Object zeroForRecord(MessageShape.Member m, boolean record) {
        return record ? parse(m, Object.class, "") : null;
    }

    static @Nullable Object parse(MessageShape.Member m, Class<?> owner, String text) {
        Class<?> t = m.type();
        try {
            if (t == String.class) {
                return text;
            }
            if (t == boolean.class || t == Boolean.class) {
                return parseBool(text);
            }
            String n = text.isEmpty() ? "0" : text;
            if (t == byte.class || t == Byte.class) {
                return Byte.parseByte(n);
            }
            if (t == short.class || t == Short.class) {
                return Short.parseShort(n);
            }
            if (t == int.class || t == Integer.class) {
                return Integer.parseInt(n);
            }
            if (t == long.class || t == Long.class) {
                return Long.parseLong(n);
            }
            if (t == float.class || t == Float.class) {
                return Float.parseFloat(checkDecimal(n));
            }
            return Double.parseDouble(checkDecimal(n));
        } catch (NumberFormatException e) {
            throw new CodecException("'" + text + "' is not a " + t.getSimpleName() + " (" + m.describe(owner) + ")", e);
        }
    }

    /** Go's ParseFloat syntax without Java's suffixes ({@code 1d}, {@code 2f}) and hex forms. */
    private static String checkDecimal(String n) {
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw new NumberFormatException(n);
            }
        }
        return n;
    }

    private static boolean parseBool(String text) {
        return switch (text) {
            case "", "0", "f", "F", "false", "FALSE", "False" -> false;
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> throw new NumberFormatException("not a bool: " + text);
        };
    }

    /** Go's {@code url.QueryEscape}. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /** Go's {@code url.QueryUnescape}: {@code +} is a space, {@code %XX} a byte; a bad escape fails. */
    static String unescape(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new CodecException("invalid URL escape in '" + s + "'");
                }
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                int end = i;
                while (end < s.length() && s.charAt(end) != '%' && s.charAt(end) != '+') {
                    end++;
                }
                byte[] bytes = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
