package io.cellnet.netty.internal.proc;

import io.cellnet.netty.TcpPeers;

import io.cellnet.GenericPeer;
import io.cellnet.PeerProperty;
import io.cellnet.PeerProvider;

/**
 * The {@link PeerProvider}s of the TCP peers, so that {@code Peers.newGenericPeer("tcp.Acceptor",
 * ...)} works. Peers made this way have default settings and the {@code tcp.ltv} processor with no
 * callback until {@code Processors.bind} is called.
 *
 * <p>Thread safety: stateless.
 */
public final class TcpPeerProviders {
    private TcpPeerProviders() {
    }

    /** {@code tcp.Acceptor}. */
    public static final class Acceptor implements PeerProvider {
        @Override
        public String typeName() {
            return "tcp.Acceptor";
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return TcpPeers.acceptor().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }

    /** {@code tcp.Connector}. */
    public static final class Connector implements PeerProvider {
        @Override
        public String typeName() {
            return "tcp.Connector";
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return TcpPeers.connector().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }

    /** {@code tcp.SyncConnector}. */
    public static final class SyncConnector implements PeerProvider {
        @Override
        public String typeName() {
            return "tcp.SyncConnector";
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return TcpPeers.syncConnector().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }
}
