package io.cellnet.proc;

import io.cellnet.EventCallback;
import io.cellnet.ProcessorBundle;
import io.cellnet.internal.NamedRegistry;
import java.util.Objects;
import java.util.Set;

/**
 * Processors by name (Go's {@code proc.RegisterProcessor} and {@code proc.BindProcessorHandler}),
 * from {@link ProcessorProvider}s found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * TcpAcceptor server = TcpPeers.acceptor().address("127.0.0.1:0")
 *         .bundle(Processors.bundle("tcp.ltv", dispatcher)).build();
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Processors {
    private static final NamedRegistry<ProcessorProvider> REGISTRY = NamedRegistry.load("processor",
            ProcessorProvider.class, p -> NamedRegistry.under(p.names(), p), "cellnet-netty (tcp.ltv, ...)");

    private Processors() {
    }

    /**
     * The bundle of processor {@code name} with {@code callback} (what Go's
     * {@code proc.BindProcessorHandler} binds); give it to a peer when the peer is built.
     *
     * @throws IllegalArgumentException naming the known processors when {@code name} is unknown
     */
    public static ProcessorBundle bundle(String name, EventCallback callback) {
        Objects.requireNonNull(callback, "callback");
        return REGISTRY.get(name).create(name, callback);
    }

    /**
     * Registers a provider under its names, next to those found through
     * {@link java.util.ServiceLoader}; all or none.
     *
     * @throws IllegalStateException when one of its names is taken by another provider
     */
    public static void register(ProcessorProvider provider) {
        REGISTRY.register(NamedRegistry.under(provider.names(), provider));
    }

    /** Every known processor name. */
    public static Set<String> names() {
        return REGISTRY.names();
    }
}
