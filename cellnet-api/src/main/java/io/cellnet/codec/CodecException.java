package io.cellnet.codec;

/**
 * A message could not be encoded or decoded: malformed or truncated input, a type the codec cannot
 * handle, a value out of range.
 *
 * <p>Thread safety: immutable after construction.
 */
public class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public CodecException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
