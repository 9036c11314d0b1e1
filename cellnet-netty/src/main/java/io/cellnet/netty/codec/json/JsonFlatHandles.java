package io.cellnet.netty.codec.json;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandle;

/**
 * A {@link JsonFlatCode} that calls its plan's two handles as they are: what
 * {@link JsonFlatCompiler} falls back to when it cannot define a hidden class.
 *
 * <p>Thread safety: immutable.
 */
final class JsonFlatHandles implements JsonFlatCode {
    private final MethodHandle encode;
    private final MethodHandle decode;

    /** {@code encode}: {@code (ByteBuf, Object)boolean}; {@code decode}: {@code (JsonFlatReader)Object}. */
    JsonFlatHandles(MethodHandle encode, MethodHandle decode) {
        this.encode = encode;
        this.decode = decode;
    }

    @Override
    public boolean encode(ByteBuf out, Object message) throws Throwable {
        return (boolean) encode.invokeExact(out, message);
    }

    @Override
    public Object decode(JsonFlatReader reader) throws Throwable {
        return (Object) decode.invokeExact(reader);
    }
}
