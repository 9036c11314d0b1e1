package io.cellnet;

import java.util.List;

/**
 * Creates peers of one type for {@link io.cellnet.Peers} (Go's {@code peer.RegisterPeerCreator}).
 * Listed in {@code META-INF/services/io.cellnet.PeerProvider}.
 *
 * <p>Thread safety: {@link #create} may be called from any thread.
 */
public interface PeerProvider {

    /** The type name, for example {@code "tcp.Acceptor"}. */
    String typeName();

    /** Other names for the same type (Go's {@code "gorillaws.Acceptor"} for {@code "ws.Acceptor"}). */
    default List<String> aliases() {
        return List.of();
    }

    /** A new, stopped peer with these properties and default settings. */
    GenericPeer create(PeerProperty property);
}
