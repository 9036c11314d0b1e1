package io.cellnet.netty.codec.json;

import io.cellnet.codec.CodecException;
import io.cellnet.internal.OptionalDependency;
import io.cellnet.netty.codec.AbstractByteBufCodec;
import io.netty.buffer.ByteBuf;
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
 * <p>Jackson ({@code com.fasterxml.jackson.core:jackson-databind}) is an optional dependency of
 * cellnet-netty: add it to use this codec ({@link #isAvailable()}). On the module path, open the
 * package of your messages to {@code com.fasterxml.jackson.databind} as well as to
 * {@code io.cellnet.netty}.
 *
 * <p>Thread safety: stateless and thread-safe; use {@link #INSTANCE} from any thread.
 */
public final class JsonCodec extends AbstractByteBufCodec {
    private static final OptionalDependency JACKSON = new OptionalDependency(
            "com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.databind",
            "com.fasterxml.jackson.databind.ObjectMapper");
    private static final boolean AVAILABLE = JACKSON.isPresent(JsonCodec.class);

    /** The single instance, also registered as {@code "json"}. */
    public static final JsonCodec INSTANCE = new JsonCodec(true);
    /** Jackson alone, without the fast path: the reference the fast path is tested against. */
    public static final JsonCodec JACKSON_ONLY = new JsonCodec(false);

    private final boolean fastPath;

    private JsonCodec(boolean fastPath) {
        super("json", "application/json");
        this.fastPath = fastPath;
    }

    /**
     * Whether Jackson ({@code com.fasterxml.jackson.core:jackson-databind}, an optional dependency
     * of cellnet-netty) is there. Without it {@code Codecs.get("json")} fails, and so does every
     * use of this codec, with a message that names the artifact to add.
     */
    public static boolean isAvailable() {
        return AVAILABLE;
    }

    @Override
    protected void encodeTo(Object message, ByteBuf out) throws Throwable {
        requireJackson();
        if (!fastPath || !encodeFast(message, out)) {
            JacksonJson.write(message, out);
        }
    }

    private static void requireJackson() {
        if (!AVAILABLE) {
            throw new CodecException(JACKSON.missing("the json codec"));
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
        requireJackson();
        Object value = fastPath ? decodeFast(body, type) : null;
        return value != null ? value : JacksonJson.read(body, type);
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
}
