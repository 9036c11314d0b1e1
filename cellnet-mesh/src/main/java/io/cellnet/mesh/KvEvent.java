package io.cellnet.mesh;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change of a watched key of the discovery's key-value store, delivered on the watcher's queue.
 *
 * <p>Thread safety: immutable.
 *
 * @param key   the key
 * @param value its new value, {@code null} when it was deleted
 */
public record KvEvent(String key, @Nullable String value) {

    /** Checks the key. */
    public KvEvent {
        Objects.requireNonNull(key, "key");
    }

    /** Whether the key was deleted. */
    public boolean deleted() {
        return value == null;
    }
}
