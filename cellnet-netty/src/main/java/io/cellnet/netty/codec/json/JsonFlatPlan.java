package io.cellnet.netty.codec.json;

import io.cellnet.netty.codec.Unsigned;
import io.cellnet.netty.internal.codec.MessageShape;
import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The json codec's fast path for one flat message class: every field a String, boolean, integer
 * (signed, {@link Unsigned} or {@code char}), float or double, and Jackson treating the class
 * plainly ({@link JsonFlatAudit}). Built once per class; encodes straight into the
 * {@link ByteBuf} ({@link JsonFlatWriter}) and decodes from it ({@link JsonFlatReader}) through
 * method handles, with exactly Jackson's bytes and Jackson's objects. Whenever the message or the
 * input is outside what it reproduces, {@link #encode} returns false or {@link #decode} returns
 * null, and {@link JsonCodec} lets Jackson do the whole message.
 *
 * <p>Keys match case-insensitively as Jackson lower-cases them, which is ASCII folding unless the
 * JVM's locale is Turkish-like; then, and if Jackson's global read limits were lowered below the
 * fast path's own, decoding always goes to Jackson.
 *
 * <p>Thread safety: immutable; {@link #of(Class)} may be called from any thread.
 */
final class JsonFlatPlan {
    private static final ClassValue<Optional<JsonFlatPlan>> CACHE = new ClassValue<>() {
        @Override
        protected Optional<JsonFlatPlan> computeValue(Class<?> type) {
            return Optional.ofNullable(build(type));
        }
    };
    private static final int MAX_FIELDS = Long.SIZE;
    private static final boolean DECODES = foldsAscii(Locale.getDefault())
            && foldsAscii(GoJson.MAPPER.getDeserializationConfig().getLocale())
            && JsonFlatScanner.withinLimits(GoJson.MAPPER.getFactory().streamReadConstraints());

    private final JsonFlatKind[] kinds;
    /** {@code "Name":}, with a leading comma from the second field on. */
    private final byte[][] prefixes;
    private final byte[][] lowerKeys;
    /** The whole encode and the whole construction, compiled ({@link JsonFlatCompiler}). */
    private final JsonFlatCode code;

    private JsonFlatPlan(JsonFlatKind[] kinds, byte[][] prefixes, byte[][] lowerKeys, JsonFlatCode code) {
        this.kinds = kinds;
        this.prefixes = prefixes;
        this.lowerKeys = lowerKeys;
        this.code = code;
    }

    /** The plan, or null when its code cannot be compiled ({@link JsonFlatCompiler#compile}). */
    private static @Nullable JsonFlatPlan create(MessageShape shape, JsonFlatKind[] kinds,
            List<JsonFlatAudit.Property> props) throws ReflectiveOperationException {
        int n = kinds.length;
        byte[][] prefixes = new byte[n][];
        byte[][] lowerKeys = new byte[n][];
        MethodHandle[] writers = new MethodHandle[n];
        MethodHandle[] setters = new MethodHandle[n];
        MethodHandle[] slots = new MethodHandle[n];
        boolean record = shape.isRecord();
        for (int i = 0; i < n; i++) {
            String name = props.get(i).name();
            prefixes[i] = ((i == 0 ? "\"" : ",\"") + name + "\":").getBytes(StandardCharsets.US_ASCII);
            lowerKeys[i] = name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            writers[i] = MethodHandles.filterArguments(kinds[i].writer(), 1, getter(props.get(i), kinds[i]));
            slots[i] = kinds[i].slot(i);
            if (!record) {
                MessageShape.Member m = shape.members().get(i);
                setters[i] = MethodHandles.filterArguments(Objects.requireNonNull(m.setter()), 1, slots[i]);
            }
        }
        MethodHandle decoder = record ? recordConstructor(shape.constructor(), slots)
                : JsonFlatCompiler.classDecoder(shape.constructor(), setters);
        JsonFlatCode code = JsonFlatCompiler.compile(JsonFlatCompiler.encoder(prefixes, writers), decoder);
        return code == null ? null : new JsonFlatPlan(kinds, prefixes, lowerKeys, code);
    }

    /** The plan of {@code type}, or null if Jackson must handle it. */
    public static @Nullable JsonFlatPlan of(Class<?> type) {
        return CACHE.get(type).orElse(null);
    }

    /** Whether this plan's code is a hidden class of its own, which the JIT compiles as a whole. */
    boolean compiled() {
        return code.getClass().isHidden();
    }

    private static @Nullable JsonFlatPlan build(Class<?> type) {
        try {
            if (!MessageShape.isMessageClass(type)) {
                return null;
            }
            MessageShape shape = MessageShape.of(type);
            List<MessageShape.Member> members = shape.members();
            JsonFlatKind[] kinds = new JsonFlatKind[members.size()];
            for (MessageShape.Member m : members) {
                kinds[m.index()] = JsonFlatKind.of(m.type(), m.unsigned());
                if (kinds[m.index()] == null) {
                    return null;
                }
            }
            List<JsonFlatAudit.Property> props = members.size() <= MAX_FIELDS ? JsonFlatAudit.properties(shape) : null;
            return props != null && plainKeys(props) ? create(shape, kinds, props) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // e.g. no no-argument constructor: Jackson reports what is wrong
        }
    }

    /**
     * Keys that both Jackson's key writer and its string escaping leave as they are (printable
     * ASCII but {@code " \ < > &}), distinct when lower-cased.
     */
    private static boolean plainKeys(List<JsonFlatAudit.Property> props) {
        Set<String> lower = new HashSet<>();
        for (JsonFlatAudit.Property p : props) {
            if (!p.name().chars().allMatch(c -> c >= 0x20 && c < 0x7F && "\"\\<>&".indexOf(c) < 0)
                    || !lower.add(p.name().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean foldsAscii(Locale locale) {
        for (char c = 0; c < 0x80; c++) {
            char ascii = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (!String.valueOf(c).toLowerCase(locale).equals(String.valueOf(ascii))) {
                return false;
            }
        }
        return true;
    }

    /** {@code (Object)T}: Jackson's accessor for the property, a field or a record accessor. */
    private static MethodHandle getter(JsonFlatAudit.Property p, JsonFlatKind kind) throws IllegalAccessException {
        AccessibleObject accessor = (AccessibleObject) p.accessor();
        accessor.setAccessible(true);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle h = accessor instanceof Field f ? lookup.unreflectGetter(f) : lookup.unreflect((Method) accessor);
        return h.asType(MethodType.methodType(kind.javaType(), Object.class));
    }

    /** {@code ctor(slot0(r), slot1(r), ...)} as one handle {@code (JsonFlatReader)Object}. */
    private static MethodHandle recordConstructor(MethodHandle ctor, MethodHandle[] slots) {
        MethodHandle spread = MethodHandles.filterArguments(ctor, 0, slots);
        MethodType type = MethodType.methodType(Object.class, JsonFlatReader.class);
        return slots.length == 0 ? MethodHandles.dropArguments(ctor, 0, JsonFlatReader.class)
                : MethodHandles.permuteArguments(spread, type, new int[slots.length]);
    }

    int size() {
        return kinds.length;
    }

    /** {@code "Name":} of field {@code i} as written, with a leading comma from the second field on. */
    byte[] prefix(int i) {
        return prefixes[i];
    }

    JsonFlatKind kind(int i) {
        return kinds[i];
    }

    /**
     * The field whose key matches {@code in[from, to)} (printable ASCII) ignoring case, trying
     * {@code hint} first (keys usually come in order); -1 if none.
     */
    int field(byte[] in, int from, int to, int hint) {
        int n = lowerKeys.length;
        for (int k = 0; k < n; k++) {
            int i = hint + k < n ? hint + k : hint + k - n;
            if (matches(lowerKeys[i], in, from, to)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] lowerKey, byte[] in, int from, int to) {
        if (lowerKey.length != to - from) {
            return false;
        }
        for (int j = 0; j < lowerKey.length; j++) {
            byte b = in[from + j];
            if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != lowerKey[j]) {
                return false;
            }
        }
        return true;
    }

    /** Appends the message; false (with partial output) if Jackson must write it instead. */
    public boolean encode(Object message, ByteBuf out) throws Throwable {
        return code.encode(out, message);
    }

    /**
     * The message in the readable bytes of {@code body}, or null if Jackson must decode it. An
     * exception from the class's own constructor propagates; Jackson then reports it its way.
     */
    @Nullable Object decode(ByteBuf body) throws Throwable {
        if (!DECODES) {
            return null;
        }
        JsonFlatReader r = JsonFlatReader.acquire();
        try {
            if (!r.read(this, body)) {
                return null;
            }
            return code.decode(r);
        } finally {
            r.release();
        }
    }
}
