package io.cellnet.proc;

import io.cellnet.EventCallback;
import io.cellnet.GenericPeer;
import io.cellnet.ProcessorBundle;
import io.cellnet.internal.NamedRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Processors by name (Go's {@code proc.RegisterProcessor} and {@code proc.BindProcessorHandler}),
 * from {@link ProcessorProvider}s found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * Processors.bind(peer, "tcp.ltv", dispatcher);
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Processors {
    private static final NamedRegistry<ProcessorProvider> REGISTRY = NamedRegistry.load("processor",
            ProcessorProvider.class, Processors::namesOf, p -> p, "cellnet-netty (tcp.ltv, ...)");

    private Processors() {
    }

    /**
     * The bundle of processor {@code name} with {@code callback}.
     *
     * @throws IllegalArgumentException naming the known processors when {@code name} is unknown
     */
    public static ProcessorBundle bundle(String name, EventCallback callback) {
        return REGISTRY.get(name).create(callback);
    }

    /**
     * Binds processor {@code name} with {@code callback} to {@code peer} (Go's
     * {@code proc.BindProcessorHandler}).
     *
     * @throws IllegalArgumentException when {@code name} is unknown or the peer cannot drive it
     * @throws IllegalStateException    when the peer is not stopped
     */
    public static void bind(GenericPeer peer, String name, EventCallback callback) {
        peer.bindProcessor(bundle(name, callback));
    }

    /**
     * Registers a provider under its name and aliases, next to those found through
     * {@link java.util.ServiceLoader}; all or none.
     *
     * @throws IllegalStateException when one of its names is taken by another provider
     */
    public static void register(ProcessorProvider provider) {
        REGISTRY.register(namesOf(provider), provider);
    }

    /** Every known processor name. */
    public static Set<String> names() {
        return REGISTRY.names();
    }

    private static List<String> namesOf(ProcessorProvider p) {
        List<String> names = new ArrayList<>();
        names.add(p.name());
        names.addAll(p.aliases());
        return names;
    }
}
