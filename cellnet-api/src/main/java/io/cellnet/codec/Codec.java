package io.cellnet.codec;

import java.nio.ByteBuffer;

/**
 * Encodes a message object to bytes and decodes bytes to an instance of a registered type (Go's
 * {@code cellnet.Codec}). The wire carries no codec tag: both sides pick the codec from their own
 * registration of the message id.
 *
 * <p>Failures are {@link CodecException}s; a codec never lets an index or buffer exception escape
 * for malformed input. Implementations in cellnet-netty may also implement a faster buffer-based
 * interface that this API does not see.
 *
 * <p>Thread safety: implementations must be thread-safe and stateless between calls.
 */
public interface Codec {

    /** The registered name, for example {@code "json"}. */
    String name();

    /** The MIME type, for example {@code "application/json"}. */
    String mimeType();

    /**
     * Encodes {@code message}.
     *
     * @throws CodecException when the message cannot be encoded
     */
    byte[] encode(Object message);

    /**
     * Decodes the remaining bytes of {@code data} as a {@code type}. The buffer's position after
     * the call is unspecified.
     *
     * @throws CodecException when the bytes are not a valid {@code type}
     */
    <T> T decode(ByteBuffer data, Class<T> type);

    /** Decodes all of {@code data}; see {@link #decode(ByteBuffer, Class)}. */
    default <T> T decode(byte[] data, Class<T> type) {
        return decode(ByteBuffer.wrap(data), type);
    }

    /**
     * Checks, before any message is sent, that this codec can encode and decode messages of
     * {@code type}: {@link io.cellnet.MessageRegistry#register} calls it, so that a class the codec
     * cannot handle fails where it is registered instead of at its first send. The default checks
     * nothing (a codec that works from the values, as JSON, finds out at encode time).
     *
     * @throws CodecException naming the class and the field the codec cannot handle
     */
    default void check(Class<?> type) {
        java.util.Objects.requireNonNull(type, "type");
    }
}
