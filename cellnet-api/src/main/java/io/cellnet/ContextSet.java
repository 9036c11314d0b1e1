package io.cellnet;

import org.jspecify.annotations.Nullable;

/**
 * Key/value context attached to a peer or a session (Go's {@code cellnet.ContextSet}).
 *
 * <p>Two kinds of key: typed {@link ContextKey}s (preferred) and plain object keys for Go parity
 * ({@code SetContext("sd", nil)}). A {@code null} value is a value: after
 * {@code setContext(key, null)}, {@link #containsContext} is {@code true} and the getters return
 * {@code null}, as in Go. {@link #removeContext} removes the key.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface ContextSet {

    /**
     * A new, empty context set that keeps its values in a concurrent map created on first use (an
     * unused one costs one field): what peers and sessions hold theirs in.
     */
    static ContextSet create() {
        return new ContextMap();
    }

    /** Stores {@code value} (which may be {@code null}) under {@code key}. */
    void setContext(Object key, @Nullable Object value);

    /** The value under {@code key}, or {@code null} when absent or stored as {@code null}. */
    @Nullable Object getContext(Object key);

    /** {@code true} when {@code key} was set, even to {@code null} (Go's second return value). */
    boolean containsContext(Object key);

    /**
     * The value under {@code key} as {@code type} (Go's {@code FetchContext}), or {@code null} when
     * absent or stored as {@code null}.
     *
     * @throws ClassCastException naming the key and both types when the value is of another type
     */
    default <T> @Nullable T fetchContext(Object key, Class<T> type) {
        Object value = getContext(key);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new ClassCastException("context '" + key + "' holds a " + value.getClass().getName()
                    + ", not a " + type.getName());
        }
        return type.cast(value);
    }

    /** Removes {@code key}; returns the value it had, or {@code null}. */
    @Nullable Object removeContext(Object key);

    /** Stores a typed value. */
    default <T> void setContext(ContextKey<T> key, @Nullable T value) {
        setContext((Object) key, value);
    }

    /** The typed value under {@code key}, or {@code null}. */
    default <T> @Nullable T getContext(ContextKey<T> key) {
        return fetchContext(key, key.type());
    }

    /**
     * A context set that keeps its values in another one, {@link #context()}: a class that holds a
     * set (as peers, sessions and {@link MessageMeta} do) implements this and gives the set, and
     * every context method forwards to it.
     *
     * <p>Thread safety: that of the set {@link #context()} returns ({@link ContextSet#create()}'s
     * may be used from any thread).
     */
    interface Forwarding extends ContextSet {

        /** The set this one's context methods forward to. */
        ContextSet context();

        @Override
        default void setContext(Object key, @Nullable Object value) {
            context().setContext(key, value);
        }

        @Override
        default @Nullable Object getContext(Object key) {
            return context().getContext(key);
        }

        @Override
        default boolean containsContext(Object key) {
            return context().containsContext(key);
        }

        @Override
        default @Nullable Object removeContext(Object key) {
            return context().removeContext(key);
        }
    }
}
