package io.cellnet;

import io.cellnet.internal.NamedRegistry;
import java.util.Objects;
import java.util.Set;

/**
 * Creates peers by type name (Go's {@code peer.NewGenericPeer}), from {@link PeerProvider}s found
 * through {@link java.util.ServiceLoader}. Typed builders next to the implementations (for example
 * cellnet-netty's {@code TcpPeers}) offer every setting; this is the by-name route for
 * configuration files and Go habits.
 *
 * <pre>{@code
 * GenericPeer peer = Peers.newGenericPeer("tcp.Acceptor", "server", "127.0.0.1:0", queue,
 *         Processors.bundle("tcp.ltv", callback));
 * peer.start().join();
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Peers {
    private static final NamedRegistry<PeerProvider> REGISTRY = NamedRegistry.load("peer type", PeerProvider.class,
            p -> NamedRegistry.under(p.typeNames(), p), "cellnet-netty (tcp.Acceptor, tcp.Connector, ...)");

    private Peers() {
    }

    /**
     * A new, stopped peer of type {@code typeName} (Go's {@code peer.NewGenericPeer} followed by
     * {@code proc.BindProcessorHandler}): its processor bundle is given here, once, as every
     * setting of a peer is fixed when it is built. Settings that this form does not take have
     * their defaults; the typed builders offer them all.
     *
     * @throws IllegalArgumentException naming the known types when {@code typeName} is unknown, or
     *                                  when the bundle's transmitter cannot drive that type
     */
    public static GenericPeer newGenericPeer(String typeName, String name, String address, EventQueue queue,
            ProcessorBundle bundle) {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(bundle, "bundle");
        return REGISTRY.get(typeName).create(typeName, PeerProperty.of(name, address, queue), bundle);
    }

    /**
     * Registers a provider under its type names, next to those found through
     * {@link java.util.ServiceLoader}; all or none.
     *
     * @throws IllegalStateException when one of its names is taken by another provider
     */
    public static void register(PeerProvider provider) {
        REGISTRY.register(NamedRegistry.under(provider.typeNames(), provider));
    }

    /** Every known type name. */
    public static Set<String> typeNames() {
        return REGISTRY.names();
    }
}
