package io.cellnet.codec;

import java.util.List;

/**
 * Supplies codecs to {@link Codecs}, each under its {@link Codec#name()}. Listed in
 * {@code META-INF/services/io.cellnet.codec.CodecProvider}.
 *
 * <p>Thread safety: called once, from whichever thread first uses the codec registry.
 */
public interface CodecProvider {

    /** The codecs. */
    List<Codec> codecs();
}
