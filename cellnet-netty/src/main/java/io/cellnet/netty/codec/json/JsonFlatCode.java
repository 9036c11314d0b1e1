package io.cellnet.netty.codec.json;

import io.netty.buffer.ByteBuf;

/**
 * The compiled half of a {@link JsonFlatPlan}: its whole encode and its whole construction of a
 * decoded message, each one method handle made by {@link JsonFlatCompiler}.
 *
 * <p>Thread safety: implementations are immutable.
 */
interface JsonFlatCode {
    /** Appends the message; false (with partial output) if Jackson must write it instead. */
    boolean encode(ByteBuf out, Object message) throws Throwable;

    /** The message from the slots of {@code reader}, which has read its body. */
    Object decode(JsonFlatReader reader) throws Throwable;
}
