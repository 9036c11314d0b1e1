package io.cellnet.netty.internal.wire;

import io.cellnet.netty.codec.Unsigned;
import io.cellnet.rpc.RpcRecvMsgEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link RemoteCallREQ} (Go's {@code rpc.RemoteCallACK}, id 20476, protoplus), sent
 * by {@link RpcRecvMsgEvent#reply}. Every peer knows it without registering it (see
 * {@link io.cellnet.netty.internal.wire.BuiltinMessages}).
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
public record RemoteCallACK(@Unsigned int msgId, byte[] data, long callId) implements RemoteCallMsg {

    /** Checks the arguments. */
    public RemoteCallACK {
        Objects.requireNonNull(data, "Data");
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RemoteCallACK m && RemoteCallMsg.sameFields(this, m);
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
