package io.cellnet;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ContextSet} over a {@link ConcurrentHashMap}, storing {@code null} values as a marker.
 * The map is created on first use, so an unused context costs one field.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class ContextMap implements ContextSet {
    private static final Object NULL = new Object();

    private volatile @Nullable ConcurrentHashMap<Object, Object> map;

    @Override
    public void setContext(Object key, @Nullable Object value) {
        Objects.requireNonNull(key, "key");
        map().put(key, value == null ? NULL : value);
    }

    @Override
    public @Nullable Object getContext(Object key) {
        ConcurrentHashMap<Object, Object> m = map;
        Object v = m == null ? null : m.get(key);
        return v == NULL ? null : v;
    }

    @Override
    public boolean containsContext(Object key) {
        ConcurrentHashMap<Object, Object> m = map;
        return m != null && m.containsKey(key);
    }

    @Override
    public @Nullable Object removeContext(Object key) {
        ConcurrentHashMap<Object, Object> m = map;
        Object v = m == null ? null : m.remove(key);
        return v == NULL ? null : v;
    }

    private ConcurrentHashMap<Object, Object> map() {
        ConcurrentHashMap<Object, Object> m = map;
        if (m == null) {
            synchronized (this) {
                m = map;
                if (m == null) {
                    m = new ConcurrentHashMap<>(4);
                    map = m;
                }
            }
        }
        return m;
    }
}
