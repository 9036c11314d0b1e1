package io.cellnet.internal;

import java.util.LinkedHashMap;
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
     * registering what {@code entries(provider)} maps each of its names to.
     */
    public static <P, T> NamedRegistry<T> load(String kind, Class<P> providerType,
            Function<P, Map<String, T>> entries, String artifactHint) {
        return new NamedRegistry<>(kind, artifactHint, self -> {
            for (P provider : ServiceLoader.load(providerType, NamedRegistry.class.getClassLoader())) {
                self.putAllLocked(entries.apply(provider));
            }
        });
    }

    /** {@code value} under each of {@code names}, for a provider that makes several named things. */
    public static <T> Map<String, T> under(Set<String> names, T value) {
        Map<String, T> named = new LinkedHashMap<>();
        for (String name : names) {
            named.put(name, value);
        }
        return named;
    }

    /** Registers {@code value} under {@code name}; fails when the name is taken. */
    public void register(String name, T value) {
        register(Map.of(name, value));
    }

    /**
     * Registers each entry, all or none: when one name is taken by another value, nothing is
     * registered.
     */
    public synchronized void register(Map<String, T> named) {
        ensureLoaded();
        putAllLocked(named);
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

    private void putAllLocked(Map<String, T> named) {
        named.forEach(this::checkFree);
        entries.putAll(named);
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
