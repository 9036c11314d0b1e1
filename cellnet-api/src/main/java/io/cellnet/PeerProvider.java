package io.cellnet;

import java.util.Set;

/**
 * Creates peers by type name for {@link Peers} (Go's {@code peer.RegisterPeerCreator}). One provider
 * may make several types; it is listed in {@code META-INF/services/io.cellnet.PeerProvider} (or
 * {@code provides io.cellnet.PeerProvider} in a module descriptor) or given to
 * {@link Peers#register}.
 *
 * <p>Thread safety: {@link #create} may be called from any thread.
 */
public interface PeerProvider {

    /**
     * The type names this provider makes, Go's aliases included: for example {@code "ws.Acceptor"}
     * and {@code "gorillaws.Acceptor"}.
     */
    Set<String> typeNames();

    /**
     * A new, stopped peer of type {@code typeName} (one of {@link #typeNames()}) with these
     * properties, this processor bundle and default settings otherwise.
     *
     * @throws IllegalArgumentException when the bundle's transmitter cannot drive this type of peer
     */
    GenericPeer create(String typeName, PeerProperty property, ProcessorBundle bundle);
}
