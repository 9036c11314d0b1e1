package io.cellnet.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Values by name, filled from {@link ServiceLoader} providers on first use and by explicit
 * registration. A duplicate name fails when it is registered; an unknown name fails with the list
 * of known names and the artifact that provides the built-in ones (Go's "try to add code below").
 *
 * <p>Thread safety: every method may be called from any thread.
 *
 * @param <T> the registered value type
 */
public final class NamedRegistry<T> {
    private final String kind;
    private final String artifactHint;
    private final Consumer<NamedRegistry<T>> loader;
    private final Map<String, T> entries = new TreeMap<>();
    private boolean loaded;

    private NamedRegistry(String kind, String artifactHint, Consumer<NamedRegistry<T>> loader) {
        this.kind = kind;
        this.artifactHint = artifactHint;
        this.loader = loader;
    }

    /**
     * A registry that loads {@code providerType} through {@link ServiceLoader} on first use,
     * registering {@code value(provider)} under each of {@code names(provider)}.
     */
    public static <P, T> NamedRegistry<T> load(String kind, Class<P> providerType,
            Function<P, List<String>> names, Function<P, T> value, String artifactHint) {
        return new NamedRegistry<>(kind, artifactHint, self -> {
            for (P provider : ServiceLoader.load(providerType, NamedRegistry.class.getClassLoader())) {
                self.putAllLocked(names.apply(provider), value.apply(provider));
            }
        });
    }

    /** Registers {@code value} under {@code name}; fails when the name is taken. */
    public void register(String name, T value) {
        register(List.of(name), value);
    }

    /**
     * Registers {@code value} under each of {@code names}, all or none: when one name is taken by
     * another value, nothing is registered.
     */
    public synchronized void register(List<String> names, T value) {
        ensureLoaded();
        putAllLocked(names, value);
    }

    /** The value registered under {@code name}; fails with the known names when there is none. */
    public T get(String name) {
        T v = find(name);
        if (v == null) {
            throw new IllegalArgumentException("no " + kind + " named '" + name + "'; known: " + names()
                    + "; is " + artifactHint + " on the class path?");
        }
        return v;
    }

    /** The value registered under {@code name}, or {@code null}. */
    public synchronized @Nullable T find(String name) {
        Objects.requireNonNull(name, "name");
        ensureLoaded();
        return entries.get(name);
    }

    /** Every registered name, sorted. */
    public synchronized Set<String> names() {
        ensureLoaded();
        return new TreeSet<>(entries.keySet());
    }

    private void ensureLoaded() {
        if (!loaded) {
            loaded = true;
            loader.accept(this);
        }
    }

    private void putAllLocked(List<String> names, T value) {
        for (String name : names) {
            checkFree(name, value);
        }
        for (String name : names) {
            entries.put(name, value);
        }
    }

    private void checkFree(String name, T value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        T existing = entries.get(name);
        if (existing != null && existing != value) {
            throw new IllegalStateException("duplicate " + kind + " '" + name + "': " + existing.getClass().getName()
                    + " and " + value.getClass().getName());
        }
    }
}
