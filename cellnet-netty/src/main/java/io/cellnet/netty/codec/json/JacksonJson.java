package io.cellnet.netty.codec.json;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.OutputStream;

/**
 * The Jackson half of the json codec: a reader and a writer per class over {@link GoJson#MAPPER}.
 * Apart from the fast path's audit, the only place that calls Jackson, and loaded only once
 * {@link JsonCodec} has found Jackson.
 *
 * <p>Thread safety: stateless and thread-safe.
 */
final class JacksonJson {
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

    private JacksonJson() {
    }

    /** Appends {@code message} as JSON. */
    static void write(Object message, ByteBuf out) throws Throwable {
        WRITERS.get(message.getClass()).writeValue((OutputStream) new ByteBufOutputStream(out), message);
    }

    /** The readable bytes of {@code body} as a {@code type}. */
    static Object read(ByteBuf body, Class<?> type) throws Throwable {
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
