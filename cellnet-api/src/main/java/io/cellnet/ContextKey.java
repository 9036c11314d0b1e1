package io.cellnet;

import java.util.Objects;

/**
 * A typed key for {@link ContextSet} values. Keys compare by identity: create one per logical
 * value, usually as a {@code static final} field.
 *
 * <pre>{@code
 * static final ContextKey<Player> PLAYER = ContextKey.of("player", Player.class);
 * session.setContext(PLAYER, player);
 * Player p = session.getContext(PLAYER);
 * }</pre>
 *
 * <p>Thread safety: immutable; usable from any thread.
 *
 * @param <T> the type of the value stored under this key
 */
public final class ContextKey<T> {
    private final String name;
    private final Class<T> type;

    private ContextKey(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** A new key; two calls with the same name make two different keys. */
    public static <T> ContextKey<T> of(String name, Class<T> type) {
        return new ContextKey<>(name, type);
    }

    /** The name given at creation, for logs. */
    public String name() {
        return name;
    }

    /** The value type. */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return "ContextKey(" + name + ": " + type.getSimpleName() + ")";
    }
}
