package io.cellnet.netty.codec.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.cellnet.netty.internal.codec.GoFloats;
import io.cellnet.netty.internal.codec.MessageShape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random JSON bodies for a flat message class, for the differential test: mostly valid encodings
 * of random instances, varied the ways Go peers and hand-written JSON vary them (key case,
 * renamed and Java names, whitespace, member order, unknown keys with nested values, duplicates,
 * escapes, other spellings of numbers), mixed with what Jackson must refuse or treat specially
 * (values of the wrong type or range, nulls, non-ASCII and escaped keys, trailing content).
 * A seeded {@link Random} drives the syntax, jqwik the values.
 */
final class JsonFlatInputs {
    private static final String[] ODD_VALUES = {"null", "true", "false", "\"1\"", "\"\"", "1.5", "1e3", "1E+2",
        "-0", "0", "01", "-01", "-", "1.", ".5", "+1", "-0.0", "0e0", "1e-2", "2147483647", "2147483648",
        "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "127", "128",
        "255", "256", "-128", "-129", "32767", "32768", "65535", "65536", "1e400", "-1e400", "1e-400",
        "1.00000017881393432617187499", "123456789012345678901234567890", "0.30000000000000004", "[]", "{}",
        "[1,{\"a\":null}]", "NaN", "Infinity", "tru", "nul", "True", "\"\\u00e9\"", "\"\\x\"", "\"\u0001\""};
    private static final String WHITESPACE = " \t\n\r";

    private final List<MessageShape.Member> members;
    private final List<String> names;
    private final Random rnd;

    private JsonFlatInputs(Class<?> type, Random rnd) {
        this.members = MessageShape.of(type).members();
        this.names = JsonFlatAudit.properties(MessageShape.of(type)).stream().map(JsonFlatAudit.Property::name)
                .toList();
        this.rnd = rnd;
    }

    /** Random bodies for {@code type} (a class of {@link JsonFlatMessages#TYPES}). */
    static Arbitrary<byte[]> bodies(Class<?> type) {
        return Combinators.combine(JsonFlatMessages.instances(type, false), Arbitraries.longs())
                .as((message, seed) -> new JsonFlatInputs(type, new Random(seed)).body(message).getBytes(UTF_8));
    }

    private String body(Object message) {
        List<Object> values = JsonFlatMessages.values(message);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (rnd.nextInt(10) > 0) {
                pairs.add(pair(key(i), value(members.get(i), values.get(i + 1))));
            }
        }
        for (int k = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 0; k > 0; k--) {
            pairs.add(pair(quote(pick("Extra", "x", "", "Msg2", "VALUE_", "a\u00e9")), anyValue(0)));
        }
        if (!members.isEmpty() && rnd.nextInt(10) == 0) {
            int i = rnd.nextInt(members.size());
            pairs.add(pair(key(i), value(members.get(i), values.get(i + 1))));
        }
        if (rnd.nextInt(3) == 0) {
            Collections.shuffle(pairs, rnd);
        }
        return edge(" \uFEFFx[") + "{" + ws() + String.join(ws() + "," + ws(), pairs) + ws() + "}" + edge(" x{},");
    }

    /** Mostly nothing, sometimes whitespace, rarely one of {@code odd}. */
    private String edge(String odd) {
        int r = rnd.nextInt(20);
        return r < 14 ? "" : r < 19 ? ws() + ws() : String.valueOf(odd.charAt(rnd.nextInt(odd.length())));
    }

    private String ws() {
        StringBuilder sb = new StringBuilder();
        for (int n = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(3) : 0; n > 0; n--) {
            sb.append(WHITESPACE.charAt(rnd.nextInt(WHITESPACE.length())));
        }
        return sb.toString();
    }

    private String pair(String key, String value) {
        return key + ws() + ":" + ws() + value;
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    /** Field i's key: its name, in another case, its Java name, escaped or with a non-ASCII letter. */
    private String key(int i) {
        String name = names.get(i);
        switch (rnd.nextInt(20)) {
            case 0:
                return quote(name.toUpperCase(Locale.ROOT));
            case 1:
                return quote(name.toLowerCase(Locale.ROOT));
            case 2:
                return quote(members.get(i).name());
            case 3:
                return quote(flipCases(name));
            case 4:
                return "\"" + escapeOne(name) + "\"";
            case 5:
                return quote(name.replace('s', '\u017f').replace('k', '\u212a').replace('I', '\u0130'));
            default:
                return quote(name);
        }
    }

    private String flipCases(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private String escapeOne(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int at = rnd.nextInt(s.length());
        return s.substring(0, at) + String.format("\\u%04X", (int) s.charAt(at)) + s.substring(at + 1);
    }

    /** The value of a field: mostly its own JSON form, sometimes something odd. */
    private String value(MessageShape.Member m, Object v) {
        if (rnd.nextInt(12) == 0) {
            return rnd.nextInt(4) == 0 ? randomInteger() : pick(ODD_VALUES);
        }
        JsonFlatKind kind = JsonFlatKind.of(m.type(), m.unsigned());
        switch (kind) {
            case STRING:
                return quote(v == null ? "" : (String) v);
            case BOOLEAN:
                return v.toString();
            case FLOAT32:
                return Float.isFinite((Float) v) && rnd.nextBoolean() ? GoFloats.format((Float) v) : v.toString();
            case FLOAT64:
                return Double.isFinite((Double) v) && rnd.nextBoolean() ? GoFloats.format((Double) v) : v.toString();
            case CHAR:
                return Integer.toString((Character) v);
            default:
                long bits = ((Number) v).longValue();
                return kind.isUnsigned() ? Long.toUnsignedString(bits & kind.max) : Long.toString(bits);
        }
    }

    private String randomInteger() {
        BigInteger v = new BigInteger(1 + rnd.nextInt(70), rnd);
        return (rnd.nextBoolean() ? "-" : "") + v;
    }

    /** Any JSON value, for unknown keys: scalars, arrays and objects, now and then very deep. */
    private String anyValue(int depth) {
        int r = rnd.nextInt(depth > 2 ? 5 : 8);
        switch (r) {
            case 0:
                return quote("v\u00e9\ud83d\ude00\\\"");
            case 1:
                return pick(ODD_VALUES);
            case 2:
                return randomInteger();
            case 3:
                return pick("true", "false", "null", "-1.5e-3");
            case 4:
                return "\"" + "\u00e9".repeat(rnd.nextInt(3)) + "\"";
            case 5:
                return "[" + ws() + anyValue(depth + 1) + ws() + "," + anyValue(depth + 1) + "]";
            case 6:
                return "{" + pair(quote("k"), anyValue(depth + 1)) + "," + pair(quote("\u00e9"), anyValue(depth + 1))
                        + "}";
            default:
                int n = 25 + rnd.nextInt(15);
                return "[".repeat(n) + "]".repeat(n);
        }
    }

    /** A JSON string of {@code s}, each character raw or escaped in one of the valid ways. */
    private String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            int r = rnd.nextInt(12);
            if (c == '"' || c == '\\') {
                sb.append(r == 0 ? String.format("\\u%04x", (int) c) : "\\" + c);
            } else if (c < 0x20 || r == 0) {
                sb.append(shortEscape(c, r));
            } else if (c == '/' && r == 1) {
                sb.append("\\/");
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String shortEscape(char c, int r) {
        String shortForm = switch (c) {
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
        return shortForm != null && r % 2 == 0 ? shortForm : String.format(r % 3 == 0 ? "\\u%04X" : "\\u%04x",
                (int) c);
    }
}
