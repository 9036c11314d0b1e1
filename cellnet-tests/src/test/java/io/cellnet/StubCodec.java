package io.cellnet;

import io.cellnet.codec.Codec;
import java.nio.ByteBuffer;

/** A codec that encodes nothing, for registering message types in tests. */
public final class StubCodec implements Codec {
    private final String name;

    public StubCodec(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String mimeType() {
        return "application/x-stub";
    }

    @Override
    public byte[] encode(Object message) {
        return new byte[0];
    }

    @Override
    public <T> T decode(ByteBuffer data, Class<T> type) {
        throw new UnsupportedOperationException("stub codec");
    }
}
