package io.cellnet.spi;

import io.cellnet.codec.Codec;

/**
 * Supplies one codec to {@link io.cellnet.codec.Codecs}. Listed in
 * {@code META-INF/services/io.cellnet.spi.CodecProvider}.
 *
 * <p>Thread safety: called once, from whichever thread first uses the codec registry.
 */
public interface CodecProvider {

    /** The codec; its {@link Codec#name()} is its registered name. */
    Codec codec();
}
