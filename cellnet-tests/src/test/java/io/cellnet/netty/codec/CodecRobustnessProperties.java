package io.cellnet.netty.codec;

import io.cellnet.codec.Codec;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The robustness properties every codec has, on generated input: random bytes and mutated valid
 * encodings decode to a message that encodes again, or fail with a {@code CodecException}; nothing
 * else. A codec's property test extends this and adds its round trips.
 */
public abstract class CodecRobustnessProperties {
    private final Codec codec;
    private final Class<?>[] types;

    /** Properties of {@code codec}, decoding into each of {@code types}. */
    protected CodecRobustnessProperties(Codec codec, Class<?>... types) {
        this.codec = codec;
        this.types = types.clone();
    }

    /** Valid encodings of the codec, mutated by {@link #mutatedEncodingsDecodeOrFailCleanly}. */
    protected abstract List<byte[]> validEncodings();

    @Property(tries = 500)
    void randomBytesDecodeOrFailCleanly(@ForAll byte[] bytes) {
        Fuzz.decodeOrCodecException(codec, bytes, types);
    }

    @Property(tries = 800)
    void mutatedEncodingsDecodeOrFailCleanly(@ForAll("mutated") byte[] bytes) {
        Fuzz.decodeOrCodecException(codec, bytes, types);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Fuzz.mutationsOf(validEncodings());
    }
}
