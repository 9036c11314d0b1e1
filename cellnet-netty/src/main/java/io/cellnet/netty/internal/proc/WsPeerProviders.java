package io.cellnet.netty.internal.proc;

import io.cellnet.netty.WsPeers;

import io.cellnet.GenericPeer;
import io.cellnet.PeerProperty;
import io.cellnet.PeerProvider;
import java.util.List;

/**
 * The {@link PeerProvider}s of the WebSocket peers, under their names and Go's
 * ({@code gorillaws.Acceptor}, {@code gorillaws.Connector}). Peers made this way have default
 * settings and the {@code ws.ltv} processor with no callback until {@code Processors.bind} is
 * called.
 *
 * <p>Thread safety: stateless.
 */
public final class WsPeerProviders {
    private WsPeerProviders() {
    }

    /** {@code ws.Acceptor}. */
    public static final class Acceptor implements PeerProvider {
        @Override
        public String typeName() {
            return "ws.Acceptor";
        }

        @Override
        public List<String> aliases() {
            return List.of("gorillaws.Acceptor");
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return WsPeers.acceptor().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }

    /** {@code ws.Connector}. */
    public static final class Connector implements PeerProvider {
        @Override
        public String typeName() {
            return "ws.Connector";
        }

        @Override
        public List<String> aliases() {
            return List.of("gorillaws.Connector");
        }

        @Override
        public GenericPeer create(PeerProperty p) {
            return WsPeers.connector().name(p.name()).address(p.address()).queue(p.queue()).build();
        }
    }
}
