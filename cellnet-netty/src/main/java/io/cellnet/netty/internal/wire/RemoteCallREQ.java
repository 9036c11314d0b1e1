package io.cellnet.netty.internal.wire;

import io.cellnet.netty.codec.Unsigned;
import io.cellnet.rpc.Rpc;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A remote call (Go's {@code rpc.RemoteCallREQ}, id 58645, protoplus): sent by
 * {@link Rpc#call} and answered by a {@link RemoteCallACK} with the same call id. Every peer knows
 * it without registering it (see {@link io.cellnet.netty.internal.wire.BuiltinMessages}).
 *
 * <p>Field order is the protoplus field index: {@code MsgID} 0 (uint32), {@code Data} 1,
 * {@code CallID} 2.
 *
 * <p>Thread safety: immutable as long as {@code Data} is not modified.
 *
 * @param msgId  the inner message's id
 * @param data   the inner message, encoded with its own codec
 * @param callId the call id
 */
public record RemoteCallREQ(@Unsigned int msgId, byte[] data, long callId) implements RemoteCallMsg {

    /** Checks the arguments. */
    public RemoteCallREQ {
        Objects.requireNonNull(data, "Data");
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RemoteCallREQ m && RemoteCallMsg.sameFields(this, m);
    }

    @Override
    public int hashCode() {
        return RemoteCallMsg.hash(this);
    }

    @Override
    public String toString() {
        return RemoteCallMsg.describe(this);
    }
}
