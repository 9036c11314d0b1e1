package io.cellnet.netty.codec;


import io.cellnet.codec.CodecException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.reflect.InaccessibleObjectException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A base for {@link ByteBufCodec}s: the byte-array and {@link ByteBuffer} half written once over
 * the {@link ByteBuf} half: encoding goes through an unpooled heap buffer, decoding wraps the
 * {@code ByteBuffer} without copying. Also the one place where failures become
 * {@link CodecException}s.
 *
 * <p>Thread safety: stateless; subclasses must be thread-safe.
 */
public abstract class AbstractByteBufCodec implements ByteBufCodec {
    private final String name;
    private final String mimeType;

    /** A codec registered as {@code name}, whose content has {@code mimeType}. */
    protected AbstractByteBufCodec(String name, String mimeType) {
        this.name = name;
        this.mimeType = mimeType;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String mimeType() {
        return mimeType;
    }

    @Override
    public final byte[] encode(Object message) {
        Objects.requireNonNull(message, "message");
        ByteBuf buf = Unpooled.buffer(64);
        try {
            encode(message, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    @Override
    public final <T> T decode(ByteBuffer data, Class<T> type) {
        Objects.requireNonNull(data, "data");
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        try {
            return decode(buf, type);
        } finally {
            buf.release();
        }
    }

    @Override
    public final void encode(Object message, ByteBuf out) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        try {
            encodeTo(message, out);
        } catch (Throwable t) {
            throw failure("cannot encode " + message.getClass().getName(), t);
        }
    }

    @Override
    public final <T> T decode(ByteBuf body, Class<T> type) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(type, "type");
        try {
            return type.cast(decodeFrom(body, type));
        } catch (Throwable t) {
            throw failure("cannot decode " + type.getName(), t);
        }
    }

    /** Appends the encoding of {@code message}; any throwable becomes a {@link CodecException}. */
    protected abstract void encodeTo(Object message, ByteBuf out) throws Throwable;

    /** Decodes the readable bytes of {@code body}; any throwable becomes a {@link CodecException}. */
    protected abstract Object decodeFrom(ByteBuf body, Class<?> type) throws Throwable;

    /**
     * {@code t} as a {@link CodecException}: a codec exception is prefixed with {@code context}
     * unless it already is, anything else is wrapped; JVM errors other than a stack overflow are
     * rethrown as they are.
     */
    private CodecException failure(String context, Throwable t) {
        if (t instanceof Error && !(t instanceof StackOverflowError)) {
            throw (Error) t;
        }
        String detail = t instanceof CodecException ? t.getMessage() : t.toString();
        return new CodecException(name + ": " + context + ": " + detail + openHint(t), t);
    }

    /**
     * For a message class in a named module that does not open its package to the codecs: what its
     * module-info must say (the JDK's own message, in the cause, names the package).
     */
    private static String openHint(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InaccessibleObjectException) {
                return "; on the module path the codecs read and write the fields of your message classes by"
                        + " reflection: open their package to them in your module-info.java, 'opens com.example.msg"
                        + " to io.cellnet.netty;' (json: 'to io.cellnet.netty, com.fasterxml.jackson.databind;')";
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
