package io.cellnet.netty.internal.wire;

import io.cellnet.netty.relay.Relay;

import io.cellnet.netty.codec.Unsigned;
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
 * @param Msg        the payload message encoded with its own codec; empty when there is none
 * @param MsgID      the payload message's id; {@code 0} when there is none
 * @param Bytes      raw passthrough bytes
 * @param Int64      passthrough int64
 * @param Int64Slice passthrough int64 slice
 * @param Str        passthrough string
 */
public record RelayACK(byte[] Msg, @Unsigned int MsgID, byte[] Bytes, long Int64, long[] Int64Slice, String Str) {

    /** Checks the arguments. */
    public RelayACK {
        Objects.requireNonNull(Msg, "Msg");
        Objects.requireNonNull(Bytes, "Bytes");
        Objects.requireNonNull(Int64Slice, "Int64Slice");
        Objects.requireNonNull(Str, "Str");
    }

    /** {@code true} when a payload message is present ({@code MsgID != 0}). */
    public boolean hasMessage() {
        return MsgID != 0;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RelayACK r && r.MsgID == MsgID && r.Int64 == Int64 && r.Str.equals(Str)
                && Arrays.equals(r.Msg, Msg) && Arrays.equals(r.Bytes, Bytes) && Arrays.equals(r.Int64Slice, Int64Slice);
    }

    @Override
    public int hashCode() {
        return Objects.hash(MsgID, Int64, Str, Arrays.hashCode(Msg), Arrays.hashCode(Bytes),
                Arrays.hashCode(Int64Slice));
    }

    @Override
    public String toString() {
        return "RelayACK{Msg=" + Msg.length + " bytes, MsgID=" + MsgID + ", Bytes=" + Bytes.length + " bytes, Int64="
                + Int64 + ", Int64Slice=" + Arrays.toString(Int64Slice) + ", Str=" + Str + "}";
    }
}
