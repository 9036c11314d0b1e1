package io.cellnet;

import io.cellnet.internal.NamedRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates peers by type name (Go's {@code peer.NewGenericPeer}), from {@link PeerProvider}s found
 * through {@link java.util.ServiceLoader}. Typed builders next to the implementations (for example
 * cellnet-netty's {@code TcpPeers}) offer every setting; this is the by-name route for
 * configuration files and Go habits.
 *
 * <pre>{@code
 * GenericPeer peer = Peers.newGenericPeer("tcp.Acceptor", "server", "127.0.0.1:0", queue);
 * Processors.bind(peer, "tcp.ltv", callback);
 * peer.start().join();
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Peers {
    private static final NamedRegistry<PeerProvider> REGISTRY = NamedRegistry.load("peer type", PeerProvider.class,
            Peers::namesOf, p -> p, "cellnet-netty (tcp.Acceptor, tcp.Connector, ...)");

    private Peers() {
    }

    /**
     * A new, stopped peer of type {@code typeName}.
     *
     * @throws IllegalArgumentException naming the known types when {@code typeName} is unknown
     */
    public static GenericPeer newGenericPeer(String typeName, String name, String address, EventQueue queue) {
        return REGISTRY.get(typeName).create(PeerProperty.of(name, address, queue));
    }

    /**
     * Registers a provider under its name and aliases, next to those found through
     * {@link java.util.ServiceLoader}; all or none.
     *
     * @throws IllegalStateException when one of its names is taken by another provider
     */
    public static void register(PeerProvider provider) {
        REGISTRY.register(namesOf(provider), provider);
    }

    /** Every known type name. */
    public static Set<String> typeNames() {
        return REGISTRY.names();
    }

    private static List<String> namesOf(PeerProvider p) {
        List<String> names = new ArrayList<>();
        names.add(p.typeName());
        names.addAll(p.aliases());
        return names;
    }
}
