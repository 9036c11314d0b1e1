package io.cellnet.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;

/**
 * Go cellnet's {@code gogopb} codec (MIME {@code application/x-protobuf}): a message is its plain
 * protobuf encoding, {@code toByteArray()}, the same bytes as gogo/protobuf's {@code Marshal} for
 * the same {@code .proto}; decoding parses with the class's {@code parser()}. Messages are the
 * classes protoc generates for Java ({@link MessageLite}s); register them with
 * {@link ProtobufMessages} to give them Go's ids.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class GogopbCodec implements Codec {
    /** The codec. */
    public static final GogopbCodec INSTANCE = new GogopbCodec();

    private static final ClassValue<Parser<?>> PARSERS = new ClassValue<>() {
        @Override
        protected Parser<?> computeValue(Class<?> type) {
            return parserOf(type);
        }
    };

    private GogopbCodec() {
    }

    @Override
    public String name() {
        return "gogopb";
    }

    @Override
    public String mimeType() {
        return "application/x-protobuf";
    }

    @Override
    public byte[] encode(Object message) {
        if (!(message instanceof MessageLite m)) {
            throw new CodecException("gogopb encodes protobuf messages, not " + message.getClass().getName());
        }
        return m.toByteArray();
    }

    @Override
    public <T> T decode(ByteBuffer data, Class<T> type) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(type, "type");
        Parser<?> parser;
        try {
            parser = PARSERS.get(type);
        } catch (IllegalArgumentException e) {
            throw new CodecException(e.getMessage(), e);
        }
        try {
            return type.cast(parser.parseFrom(data));
        } catch (InvalidProtocolBufferException e) {
            throw new CodecException("gogopb cannot decode " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The generated {@code public static Parser<T> parser()} of {@code type}. */
    private static Parser<?> parserOf(Class<?> type) {
        if (!MessageLite.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("gogopb decodes protobuf messages, not " + type.getName());
        }
        try {
            Method m = type.getMethod("parser");
            if (!Modifier.isStatic(m.getModifiers()) || !Parser.class.isAssignableFrom(m.getReturnType())) {
                throw new NoSuchMethodException("static parser()");
            }
            return (Parser<?>) m.invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException(type.getName() + " is not a protoc-generated message class: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "gogopb";
    }
}
