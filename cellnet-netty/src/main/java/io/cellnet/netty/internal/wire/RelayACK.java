package io.cellnet.netty.internal.wire;

import io.cellnet.netty.codec.Unsigned;
import io.cellnet.relay.Relay;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A relayed message with its passthrough values (Go's {@code relay.RelayACK}, id 45545,
 * protoplus), made by {@link Relay#relay}. Every peer knows it without registering it (see
 * {@link io.cellnet.netty.internal.wire.BuiltinMessages}).
 *
 * <p>Field order is the protoplus field index, as in Go's {@code relay/msg.proto}: {@code Msg} 0,
 * {@code MsgID} 1 (uint32), {@code Bytes} 2, {@code Int64} 3, {@code Int64Slice} 4 (packed),
 * {@code Str} 5. Zero values are not written.
 *
 * <p>Thread safety: immutable as long as the arrays are not modified.
 *
 * @param msg        the payload message encoded with its own codec; empty when there is none
 * @param msgId      the payload message's id; {@code 0} when there is none
 * @param bytes      raw passthrough bytes
 * @param int64      passthrough int64
 * @param int64Slice passthrough int64 slice
 * @param str        passthrough string
 */
public record RelayACK(byte[] msg, @Unsigned int msgId, byte[] bytes, long int64, long[] int64Slice, String str) {

    /** Checks the arguments. */
    public RelayACK {
        Objects.requireNonNull(msg, "Msg");
        Objects.requireNonNull(bytes, "Bytes");
        Objects.requireNonNull(int64Slice, "Int64Slice");
        Objects.requireNonNull(str, "Str");
    }

    /** {@code true} when a payload message is present ({@code MsgID != 0}). */
    public boolean hasMessage() {
        return msgId != 0;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RelayACK r && r.msgId == msgId && r.int64 == int64 && r.str.equals(str)
                && Arrays.equals(r.msg, msg) && Arrays.equals(r.bytes, bytes) && Arrays.equals(r.int64Slice, int64Slice);
    }

    @Override
    public int hashCode() {
        return Objects.hash(msgId, int64, str, Arrays.hashCode(msg), Arrays.hashCode(bytes),
                Arrays.hashCode(int64Slice));
    }

    @Override
    public String toString() {
        return "RelayACK{Msg=" + msg.length + " bytes, MsgID=" + msgId + ", Bytes=" + bytes.length + " bytes, Int64="
                + int64 + ", Int64Slice=" + Arrays.toString(int64Slice) + ", Str=" + str + "}";
    }
}
