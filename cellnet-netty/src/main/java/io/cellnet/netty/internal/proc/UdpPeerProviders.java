package io.cellnet.netty.internal.proc;

import io.cellnet.netty.UdpPeers;

import io.cellnet.GenericPeer;
import io.cellnet.PeerProperty;
import io.cellnet.PeerProvider;

/**
 * The {@link PeerProvider}s of the UDP peers, so that {@code Peers.newGenericPeer("udp.Acceptor",
 * ...)} works. Peers made this way have default settings and the {@code udp.ltv} processor with no
 * callback until {@code Processors.bind} is called.
 *
 * <p>Thread safety: stateless.
 */
public final class UdpPeerProviders {
    private UdpPeerProviders() {
    }

    /** {@code udp.Acceptor}. */
    public static final class Acceptor implements PeerProvider {
        @Override
        public String typeName() {
            return "udp.Acceptor";
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return UdpPeers.acceptor().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }

    /** {@code udp.Connector}. */
    public static final class Connector implements PeerProvider {
        @Override
        public String typeName() {
            return "udp.Connector";
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return UdpPeers.connector().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }
}
