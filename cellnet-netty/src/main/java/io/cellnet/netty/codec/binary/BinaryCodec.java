package io.cellnet.netty.codec.binary;

import io.cellnet.codec.Codec;
import io.cellnet.netty.codec.AbstractByteBufCodec;
import io.netty.buffer.ByteBuf;

/**
 * The {@code binary} codec: Go's goobjfmt v0.1.0 layout, byte for byte.
 *
 * <p>Fields are written in declaration order (records: component order; classes: non-static,
 * non-transient declared fields, superclass first), little-endian, without tags or padding:
 * {@code boolean} 1 byte, {@code byte}/{@code short}/{@code char}/{@code int}/{@code long} as Go's
 * int8/int16/uint16/int32/int64, {@code float}/{@code double} as IEEE bits, {@code String} (UTF-8)
 * and {@code byte[]} as a u16 length and the bytes, {@code List<X>} and other arrays as a u16
 * count and the elements, any other class inline as a nested message.
 *
 * <p>Differences from Go, all on the safe side: the encoding has the exact length (Go may append
 * zero padding, which this decoder ignores as Go does); a string, byte array, list or array longer
 * than 65535 is refused instead of silently wrapped; malformed input is a
 * {@link io.cellnet.codec.CodecException} ("out of data") instead of a panic. An empty body
 * decodes to zero values, as in Go. Unsupported field types (maps, {@code Object}, boxed scalars
 * outside lists, enums) fail when the class is first used, naming the class and field.
 *
 * <p>Thread safety: stateless and thread-safe; use {@link #INSTANCE} from any thread.
 */
public final class BinaryCodec extends AbstractByteBufCodec {
    /** The single instance, also registered as {@code "binary"}. */
    public static final BinaryCodec INSTANCE = new BinaryCodec();

    private BinaryCodec() {
        super("binary", "application/binary");
    }

    @Override
    protected void encodeTo(Object message, ByteBuf out) throws Throwable {
        BinaryPlan.of(message.getClass()).write(out, message);
    }

    @Override
    protected Object decodeFrom(ByteBuf body, Class<?> type) throws Throwable {
        return BinaryPlan.of(type).decode(body);
    }

    /** Builds the class's plan now: a field this codec cannot carry fails here, naming it. */
    @Override
    public void check(Class<?> type) {
        BinaryPlan.of(java.util.Objects.requireNonNull(type, "type"));
    }
}
