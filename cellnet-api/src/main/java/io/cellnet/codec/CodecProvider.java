package io.cellnet.codec;


/**
 * Supplies one codec to {@link io.cellnet.codec.Codecs}. Listed in
 * {@code META-INF/services/io.cellnet.codec.CodecProvider}.
 *
 * <p>Thread safety: called once, from whichever thread first uses the codec registry.
 */
public interface CodecProvider {

    /** The codec; its {@link Codec#name()} is its registered name. */
    Codec codec();
}
