package io.cellnet.metrics.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The message types a user opted into counting by type; every other type counts as {@code other}.
 * Meters keyed by opted-in type are made once, so that a lookup per message allocates nothing.
 *
 * <p>Thread safety: immutable.
 */
public final class MessageTypes {
    /** The tag value of every type not opted in. */
    public static final String OTHER = "other";

    private final Set<Class<?>> types;

    /** Opts {@code types} in. */
    public MessageTypes(Set<Class<?>> types) {
        this.types = Set.copyOf(types);
    }

    /** The tag value of {@code type}: its simple name, or {@link #OTHER}. */
    public String tag(Class<?> type) {
        return types.contains(type) ? name(type) : OTHER;
    }

    /** One value per opted-in type, made by {@code maker} from the type's tag value. */
    public <T> Map<Class<?>, T> each(Function<String, T> maker) {
        Objects.requireNonNull(maker, "maker");
        return types.stream().collect(Collectors.toUnmodifiableMap(t -> t, t -> maker.apply(name(t))));
    }

    private static String name(Class<?> type) {
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }
}
