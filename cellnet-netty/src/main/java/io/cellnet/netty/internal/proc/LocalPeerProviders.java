package io.cellnet.netty.internal.proc;

import io.cellnet.netty.LocalPeers;

import io.cellnet.GenericPeer;
import io.cellnet.PeerProperty;
import io.cellnet.PeerProvider;

/**
 * The {@link PeerProvider}s of the in-memory peers, so that
 * {@code Peers.newGenericPeer("local.Acceptor", "game", "local://game", queue)} works. Peers made
 * this way have default settings and the {@code tcp.ltv} processor with no callback until
 * {@code Processors.bind} is called.
 *
 * <p>Thread safety: stateless.
 */
public final class LocalPeerProviders {
    private LocalPeerProviders() {
    }

    /** {@code local.Acceptor}. */
    public static final class Acceptor implements PeerProvider {
        @Override
        public String typeName() {
            return "local.Acceptor";
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return LocalPeers.acceptor().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }

    /** {@code local.Connector}. */
    public static final class Connector implements PeerProvider {
        @Override
        public String typeName() {
            return "local.Connector";
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return LocalPeers.connector().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }
}
