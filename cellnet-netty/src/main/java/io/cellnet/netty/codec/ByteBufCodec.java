package io.cellnet.netty.codec;

import io.cellnet.codec.Codec;
import io.netty.buffer.ByteBuf;

/**
 * A {@link Codec} that also reads and writes Netty buffers directly, so the transmitters encode
 * into the outbound buffer and decode from the inbound one without copying. cellnet-netty's
 * transmitters use it when a message's codec implements it, and the byte-array methods otherwise.
 *
 * <p>Thread safety: implementations must be thread-safe and stateless between calls.
 */
public interface ByteBufCodec extends Codec {

    /**
     * Appends the encoding of {@code message} to {@code out}. On failure {@code out}'s writer index
     * may have moved; the caller resets it.
     *
     * @throws io.cellnet.codec.CodecException when the message cannot be encoded
     */
    void encode(Object message, ByteBuf out);

    /**
     * Decodes the readable bytes of {@code body} as a {@code type}. Does not retain or release
     * {@code body}; reads past its readable bytes are a {@link io.cellnet.codec.CodecException}.
     *
     * @throws io.cellnet.codec.CodecException when the bytes are not a valid {@code type}
     */
    <T> T decode(ByteBuf body, Class<T> type);
}
