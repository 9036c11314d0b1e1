package io.cellnet;


/**
 * How logs name a peer: its {@link PeerProperty#name()} when it has one, else its type name.
 *
 * <p>Thread safety: stateless.
 */
public final class PeerNames {
    private PeerNames() {
    }

    /** The name to log for {@code peer}. */
    public static String of(Peer peer) {
        return peer instanceof PeerProperty p ? p.name() : peer.typeName();
    }
}
