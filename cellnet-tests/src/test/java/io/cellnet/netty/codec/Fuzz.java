package io.cellnet.netty.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Shared generators and checks of the property tests. */
public final class Fuzz {
    private Fuzz() {
    }

    /** Strings of valid UTF-16 (no lone surrogates), including non-ASCII and control characters. */
    public static Arbitrary<String> strings(int maxLength) {
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\ufffd')
                .ofMaxLength(maxLength);
    }

    /** Each of {@code valid} truncated, with one bit flipped, or with bytes inserted. */
    public static Arbitrary<byte[]> mutationsOf(List<byte[]> valid) {
        return Arbitraries.of(valid).flatMap(b -> Arbitraries.oneOf(
                Arbitraries.integers().between(0, Math.max(0, b.length - 1)).map(n -> Arrays.copyOf(b, n)),
                Arbitraries.integers().between(0, b.length * 8 - 1).map(bit -> flip(b, bit)),
                Arbitraries.integers().between(0, b.length).flatMap(at -> Arbitraries.bytes().array(byte[].class)
                        .ofMinSize(1).ofMaxSize(4).map(ins -> insert(b, at, ins)))));
    }

    private static byte[] flip(byte[] b, int bit) {
        byte[] out = b.clone();
        out[bit / 8] ^= (byte) (1 << (bit % 8));
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] ins) {
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
    }

    /**
     * Decodes {@code bytes} as each type: a result or a {@link CodecException}, nothing else; a
     * result must encode again (the codec accepts what it produced).
     */
    public static void decodeOrCodecException(Codec codec, byte[] bytes, Class<?>... types) {
        for (Class<?> type : types) {
            Object decoded;
            try {
                decoded = codec.decode(bytes, type);
            } catch (CodecException expected) {
                continue;
            }
            try {
                codec.encode(decoded);
            } catch (CodecException e) {
                throw new AssertionError("re-encoding a decoded " + type.getSimpleName() + " failed", e);
            }
        }
    }

    /** encode(decode(encode(x))) == encode(x): a round trip that also covers array fields. */
    public static void roundTripsStably(Codec codec, Object message) {
        byte[] once = codec.encode(message);
        byte[] twice = codec.encode(codec.decode(once, message.getClass()));
        assertArrayEquals(once, twice, () -> message + " -> " + Paths.hex(once) + " -> " + Paths.hex(twice));
    }
}
