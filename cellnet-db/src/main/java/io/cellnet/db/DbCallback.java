package io.cellnet.db;

import org.jspecify.annotations.Nullable;

/**
 * Receives the outcome of one database call, on the peer's {@link io.cellnet.EventQueue}: exactly
 * one of {@code value} (which may itself be {@code null}, as for a Redis {@code GET} of a missing
 * key) and {@code error} describes it; {@code error} is {@code null} on success.
 *
 * <p>Thread safety: called once, on the peer's queue thread (or the calling thread for a peer whose
 * queue is {@link io.cellnet.EventQueue#direct()}).
 *
 * @param <T> the result's type
 */
@FunctionalInterface
public interface DbCallback<T> {

    /** The call's result, or its error. */
    void onResult(@Nullable T value, @Nullable Throwable error);
}
