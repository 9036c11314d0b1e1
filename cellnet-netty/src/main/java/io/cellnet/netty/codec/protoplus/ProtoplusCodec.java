package io.cellnet.netty.codec.protoplus;

import io.cellnet.codec.Codec;
import io.cellnet.netty.codec.AbstractByteBufCodec;
import io.cellnet.netty.codec.Unsigned;
import io.cellnet.netty.internal.codec.WireReader;
import io.netty.buffer.ByteBuf;

/**
 * The {@code protoplus} codec: enough of davyxu/protoplus v0.1.0 for cellnet's RPC and relay
 * envelopes and similar messages. It looks like protobuf but is not compatible with it.
 *
 * <p>Fields are numbered from 0 in declaration order (records: component order). Each non-zero
 * field is a tag, the varint {@code (index << 3) | wireType}, and a value: wire type 1 varint,
 * 2 length-delimited, 3/4 zigzag (read only), 5 fixed32 LE, 6 fixed64 LE. {@code int}/{@code long}
 * are Go's int32/int64: positive values are varints, negative ones fixed32/fixed64. Mark Go's
 * uint32/uint64 with {@link Unsigned}: always varints. {@code boolean} is written only when true,
 * {@code float}/{@code double} as fixed32/fixed64 when non-zero, {@code String}/{@code byte[]} as
 * length-delimited when non-empty, {@code long[]}/{@code List<Long>} packed (varints, zero
 * elements kept, a negative element takes 10 bytes), {@code List<String>} as one entry per
 * element, a nested class as a length-delimited entry (omitted when null or empty) and a
 * {@code List} of them as one entry each. An all-zero message is 0 bytes.
 *
 * <p>Decoding skips unknown fields by wire type; truncated input, a bad varint or a bad wire type
 * is a {@link io.cellnet.codec.CodecException} (Go panics on some of these). Absent fields of a
 * record get Go's zero values ({@code ""}, empty arrays and lists, {@code null} nested messages);
 * absent fields of a class keep what its no-argument constructor set.
 *
 * <p>Thread safety: stateless and thread-safe; use {@link #INSTANCE} from any thread.
 */
public final class ProtoplusCodec extends AbstractByteBufCodec {
    /** The single instance, also registered as {@code "protoplus"}. */
    public static final ProtoplusCodec INSTANCE = new ProtoplusCodec();

    private ProtoplusCodec() {
        super("protoplus", "application/binary"); // Go's MIME type for protoplus
    }

    @Override
    protected void encodeTo(Object message, ByteBuf out) throws Throwable {
        ProtoplusPlan.of(message.getClass()).write(out, message);
    }

    @Override
    protected Object decodeFrom(ByteBuf body, Class<?> type) throws Throwable {
        WireReader r = WireReader.over(body);
        try {
            return ProtoplusPlan.of(type).read(r);
        } finally {
            r.release();
        }
    }

    /** Builds the class's plan now: a field this codec cannot carry fails here, naming it. */
    @Override
    public void check(Class<?> type) {
        ProtoplusPlan.of(java.util.Objects.requireNonNull(type, "type"));
    }
}
