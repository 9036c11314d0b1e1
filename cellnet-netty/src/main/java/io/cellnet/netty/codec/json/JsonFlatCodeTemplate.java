package io.cellnet.netty.codec.json;

import io.netty.buffer.ByteBuf;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import org.jspecify.annotations.Nullable;

/**
 * Never loaded as it is: {@link JsonFlatCompiler} defines a hidden class from these bytes for each
 * plan, with the plan's two method handles as its class data. Read into {@code static final}
 * fields, they are constants to the JIT, which then inlines the handles (the getters, the value
 * writers, the constructor) into the call as if written by hand; held in an ordinary field or
 * array, each of them would be an indirect call.
 *
 * <p>Thread safety: immutable.
 */
final class JsonFlatCodeTemplate implements JsonFlatCode {
    /** {@code (ByteBuf, Object)boolean}. */
    private static final @Nullable MethodHandle ENCODE = classData(0);
    /** {@code (JsonFlatReader)Object}. */
    private static final @Nullable MethodHandle DECODE = classData(1);

    private static @Nullable MethodHandle classData(int index) {
        try {
            return MethodHandles.classDataAt(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class,
                    index);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    // ENCODE and DECODE are set in every hidden class made from these bytes.
    @Override
    public boolean encode(ByteBuf out, Object message) throws Throwable {
        return (boolean) ENCODE.invokeExact(out, message);
    }

    @Override
    public Object decode(JsonFlatReader reader) throws Throwable {
        return (Object) DECODE.invokeExact(reader);
    }
}
