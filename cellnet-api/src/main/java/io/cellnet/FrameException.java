package io.cellnet;

/**
 * Input that breaks the framing rules: a frame too short to hold a message id, over the maximum
 * size, carrying an unknown message id, or carrying a system message's id.
 *
 * <p>Thread safety: immutable after construction.
 */
public class FrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A framing error described by {@code message}. */
    public FrameException(String message) {
        super(message);
    }
}
