package io.cellnet;

import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The codec of the system messages: they never travel on the wire, so it refuses both directions.
 * Its name is Go's ("binary") so that listings match Go's registry.
 *
 * <p>Thread safety: stateless.
 */
public final class SystemCodec implements Codec {
    /** The single instance. */
    public static final SystemCodec INSTANCE = new SystemCodec();

    private SystemCodec() {
    }

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public String mimeType() {
        return "application/binary";
    }

    @Override
    public byte[] encode(Object message) {
        throw new CodecException("system message " + message.getClass().getName() + " is never sent on the wire");
    }

    @Override
    public <T> T decode(ByteBuffer data, Class<T> type) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(type, "type");
        throw new CodecException("system message " + type.getName() + " is never read from the wire");
    }
}
