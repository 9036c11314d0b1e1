package io.cellnet.netty.msglog;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a message as one line of text for the message log: {@code {Msg: "hello", Value:
 * 1234}}. Records by component, other classes by their own {@code toString()} when they have one,
 * else by field; byte arrays in hex (long ones cut); nesting limited.
 *
 * <p>Thread safety: stateless.
 */
final class MessageText {
    private static final int MAX_DEPTH = 3;
    private static final int MAX_BYTES = 32;

    private MessageText() {
    }

    static String of(@Nullable Object message) {
        StringBuilder sb = new StringBuilder();
        append(sb, message, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, @Nullable Object v, int depth) {
        if (v == null) {
            sb.append("nil");
        } else if (v instanceof CharSequence s) {
            sb.append('"').append(s).append('"');
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Enum) {
            sb.append(v);
        } else if (v instanceof byte[] b) {
            appendBytes(sb, b);
        } else if (v.getClass().isArray()) {
            appendArray(sb, v, depth);
        } else if (v instanceof Collection<?> c) {
            appendArray(sb, c.toArray(), depth);
        } else if (depth >= MAX_DEPTH || v.getClass().getName().startsWith("java.")) {
            sb.append(v);
        } else if (v.getClass().isRecord()) {
            appendRecord(sb, v, depth);
        } else if (hasOwnToString(v.getClass())) {
            sb.append(v);
        } else {
            appendFields(sb, v, depth);
        }
    }

    private static void appendBytes(StringBuilder sb, byte[] b) {
        sb.append('[').append(HexFormat.of().formatHex(b, 0, Math.min(b.length, MAX_BYTES)));
        sb.append(b.length > MAX_BYTES ? "... " + b.length + " bytes]" : "]");
    }

    private static void appendArray(StringBuilder sb, Object array, int depth) {
        sb.append('[');
        for (int i = 0, n = Array.getLength(array); i < n; i++) {
            sb.append(i == 0 ? "" : " ");
            append(sb, Array.get(array, i), depth + 1);
        }
        sb.append(']');
    }

    private static void appendRecord(StringBuilder sb, Object r, int depth) {
        sb.append('{');
        RecordComponent[] parts = r.getClass().getRecordComponents();
        for (int i = 0; i < parts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(parts[i].getName()).append(": ");
            appendValue(sb, parts[i].getAccessor(), r, depth);
        }
        sb.append('}');
    }

    private static void appendFields(StringBuilder sb, Object o, int depth) {
        sb.append('{');
        String sep = "";
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    sb.append(sep).append(f.getName()).append(": ");
                    appendValue(sb, f, o, depth);
                    sep = ", ";
                }
            }
        }
        sb.append('}');
    }

    /** Appends the value of a field or record accessor, or {@code ?} when it is not accessible. */
    private static void appendValue(StringBuilder sb, AccessibleObject member, Object owner, int depth) {
        try {
            member.trySetAccessible();
            Object value = member instanceof Field f ? f.get(owner) : ((java.lang.reflect.Method) member).invoke(owner);
            append(sb, value, depth + 1);
        } catch (ReflectiveOperationException | RuntimeException e) {
            sb.append('?');
        }
    }

    private static boolean hasOwnToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
