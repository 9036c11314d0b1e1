package io.cellnet.mesh;

/**
 * A running watch; {@link #close()} stops it (no event is delivered after close returns, except
 * those already posted to the queue).
 *
 * <p>Thread safety: {@link #close()} may be called from any thread, more than once.
 */
@FunctionalInterface
public interface Watch extends AutoCloseable {

    /** Stops the watch. */
    @Override
    void close();
}
