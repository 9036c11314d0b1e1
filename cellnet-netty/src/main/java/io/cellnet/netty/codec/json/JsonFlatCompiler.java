package io.cellnet.netty.codec.json;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link JsonFlatPlan}'s per-field handles into one encode handle and one decode handle,
 * and those into a {@link JsonFlatCode}: a hidden class of its own per plan
 * ({@link JsonFlatCodeTemplate}) where the JIT sees the handles as constants. Should defining one
 * fail, there is no plan and Jackson does the work.
 *
 * <p>Thread safety: stateless; call from any thread.
 */
final class JsonFlatCompiler {
    private static final Logger log = LoggerFactory.getLogger(JsonFlatCompiler.class);
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final byte @Nullable [] TEMPLATE = template();
    private static final MethodHandle OPEN;
    private static final MethodHandle PREFIX;
    private static final MethodHandle CLOSE;
    private static final MethodHandle SEEN;

    static {
        try {
            OPEN = LOOKUP.findStatic(JsonFlatCompiler.class, "open", MethodType.methodType(void.class, ByteBuf.class));
            PREFIX = LOOKUP.findStatic(JsonFlatCompiler.class, "prefix",
                    MethodType.methodType(void.class, ByteBuf.class, byte[].class));
            CLOSE = LOOKUP.findStatic(JsonFlatCompiler.class, "close", MethodType.methodType(boolean.class, ByteBuf.class));
            SEEN = LOOKUP.findStatic(JsonFlatCompiler.class, "seen",
                    MethodType.methodType(boolean.class, JsonFlatReader.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private JsonFlatCompiler() {
    }

    private static byte @Nullable [] template() {
        try (InputStream in = JsonFlatCompiler.class.getResourceAsStream("JsonFlatCodeTemplate.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The code of a plan: {@code encode} is {@code (ByteBuf, Object)boolean}, {@code decode}
     * {@code (JsonFlatReader)Object}; null (after one warning per JVM) when no hidden class can be
     * defined, and then Jackson encodes and decodes the class.
     */
    static @Nullable JsonFlatCode compile(MethodHandle encode, MethodHandle decode) {
        byte[] template = TEMPLATE;
        if (template == null) {
            warnOnce("the bytes of JsonFlatCodeTemplate.class cannot be read");
            return null;
        }
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(template, List.of(encode, decode), true);
            return (JsonFlatCode) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            warnOnce(e.toString());
            return null;
        }
    }

    private static void warnOnce(String cause) {
        if (WARNED.compareAndSet(false, true)) {
            log.warn("json fast path: cannot define a hidden class for a message class's plan ({}); Jackson"
                    + " encodes and decodes such classes, which is slower", cause);
        }
    }

    /**
     * {@code (ByteBuf, Object)boolean}: <code>{</code>, then each field's {@code "Name":} prefix and
     * its {@code writers[i]} (which may answer false: then false at once), then <code>}</code>.
     */
    static MethodHandle encoder(byte[][] prefixes, MethodHandle[] writers) {
        MethodHandle rest = MethodHandles.dropArguments(CLOSE, 1, Object.class);
        MethodHandle fail = MethodHandles.dropArguments(MethodHandles.constant(boolean.class, false), 0, ByteBuf.class,
                Object.class);
        for (int i = writers.length - 1; i >= 0; i--) {
            MethodHandle prefix = MethodHandles.dropArguments(MethodHandles.insertArguments(PREFIX, 1, (Object) prefixes[i]),
                    1, Object.class);
            rest = MethodHandles.guardWithTest(MethodHandles.foldArguments(writers[i], prefix), rest, fail);
        }
        return MethodHandles.foldArguments(rest, MethodHandles.dropArguments(OPEN, 1, Object.class));
    }

    /**
     * {@code (JsonFlatReader)Object} of a class: {@code constructor} ({@code ()Object}), then
     * {@code setters[i]} ({@code (Object, JsonFlatReader)void}) for each field whose key the reader
     * saw, in order.
     */
    static MethodHandle classDecoder(MethodHandle constructor, MethodHandle[] setters) {
        MethodType setterType = MethodType.methodType(void.class, Object.class, JsonFlatReader.class);
        MethodHandle apply = MethodHandles.empty(setterType);
        for (int i = setters.length - 1; i >= 0; i--) {
            MethodHandle seen = MethodHandles.dropArguments(MethodHandles.insertArguments(SEEN, 1, i), 0, Object.class);
            MethodHandle one = MethodHandles.guardWithTest(seen, setters[i], MethodHandles.empty(setterType));
            apply = MethodHandles.foldArguments(apply, one);
        }
        MethodHandle returnIt = MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, JsonFlatReader.class);
        return MethodHandles.collectArguments(MethodHandles.foldArguments(returnIt, apply), 0, constructor);
    }

    private static void open(ByteBuf out) {
        out.writeByte('{');
    }

    private static void prefix(ByteBuf out, byte[] prefix) {
        out.writeBytes(prefix);
    }

    private static boolean close(ByteBuf out) {
        out.writeByte('}');
        return true;
    }

    private static boolean seen(JsonFlatReader reader, int field) {
        return (reader.seen() & 1L << field) != 0;
    }
}
