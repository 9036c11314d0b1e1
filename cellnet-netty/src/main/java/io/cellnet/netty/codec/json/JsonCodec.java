package io.cellnet.netty.codec.json;

import io.cellnet.netty.codec.AbstractByteBufCodec;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cellnet.codec.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The {@code json} codec: Jackson, set up to read and write what Go's encoding/json does.
 *
 * <p>Keys are the Java field names exactly as declared ({@code Msg}, {@code Value}, as in Go),
 * or a {@code @JsonProperty} name; fields of any visibility are used, getters are not. Records and
 * classes with a no-argument constructor both work. Output is compact, in declaration order, with
 * Go's escaping (<code>&#92;u003c</code>, <code>&#92;u003e</code>, <code>&#92;u0026</code>, U+2028/U+2029, control
 * characters), Go's float formatting ({@code 0.1}, {@code 1e+21}) and base64 {@code byte[]}.
 * Input keys match case-insensitively and unknown keys are ignored; a type mismatch ({@code 1.5}
 * into an {@code int}), an overflow, an empty body and trailing non-whitespace are
 * {@link io.cellnet.codec.CodecException}s.
 *
 * <p>Flat messages (fields of type String, boolean, integers, {@code char}, float and double) take
 * a fast path ({@link JsonFlatPlan}) that writes and reads the {@code ByteBuf} directly, with
 * exactly Jackson's bytes and objects; any other class or input goes to Jackson.
 *
 * <p>Thread safety: stateless and thread-safe; use {@link #INSTANCE} from any thread.
 */
public final class JsonCodec extends AbstractByteBufCodec {
    /** The single instance, also registered as {@code "json"}. */
    public static final JsonCodec INSTANCE = new JsonCodec(true);
    /** Jackson alone, without the fast path: the reference the fast path is tested against. */
    public static final JsonCodec JACKSON_ONLY = new JsonCodec(false);

    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return GoJson.MAPPER.readerFor(type);
        }
    };
    private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
            return GoJson.MAPPER.writerFor(type);
        }
    };

    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

    private final boolean fastPath;

    private JsonCodec(boolean fastPath) {
        super("json", "application/json");
        this.fastPath = fastPath;
    }

    @Override
    protected void encodeTo(Object message, ByteBuf out) throws Throwable {
        if (!fastPath || !encodeFast(message, out)) {
            WRITERS.get(message.getClass()).writeValue((OutputStream) new ByteBufOutputStream(out), message);
        }
    }

    /** Writes {@code message} by its plan; false (and nothing written) if Jackson must write it. */
    private static boolean encodeFast(Object message, ByteBuf out) throws Throwable {
        JsonFlatPlan plan = JsonFlatPlan.of(message.getClass());
        if (plan == null) {
            return false;
        }
        int start = out.writerIndex();
        try {
            if (plan.encode(message, out)) {
                return true;
            }
        } catch (Exception e) {
            // An accessor that throws: Jackson reports it in its own words.
        }
        out.writerIndex(start);
        return false;
    }

    @Override
    protected Object decodeFrom(ByteBuf body, Class<?> type) throws Throwable {
        Object value = fastPath ? decodeFast(body, type) : null;
        return value != null ? value : decodeWithJackson(body, type);
    }

    /** The message by its plan, or null if Jackson must decode the body. */
    private static @Nullable Object decodeFast(ByteBuf body, Class<?> type) throws Throwable {
        JsonFlatPlan plan = JsonFlatPlan.of(type);
        if (plan == null) {
            return null;
        }
        try {
            return plan.decode(body);
        } catch (Exception e) {
            return null; // the class's constructor failed: Jackson reports it in its own words
        }
    }

    private static Object decodeWithJackson(ByteBuf body, Class<?> type) throws Throwable {
        ObjectReader reader = READERS.get(type);
        int length = body.readableBytes();
        Object value;
        if (body.hasArray()) {
            value = reader.readValue(body.array(), body.arrayOffset() + body.readerIndex(), length);
        } else {
            // Jackson parses a byte array with fewer objects than a stream: copy into a reused one.
            byte[] scratch = SCRATCH.get();
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
                SCRATCH.set(scratch);
            }
            body.getBytes(body.readerIndex(), scratch, 0, length);
            value = reader.readValue(scratch, 0, length);
        }
        // Go's Unmarshal of "null" leaves the zero value in place; the Java zero value is "{}".
        return value != null ? value : reader.readValue("{}");
    }
}
