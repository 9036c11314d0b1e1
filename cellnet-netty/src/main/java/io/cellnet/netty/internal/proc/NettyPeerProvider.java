package io.cellnet.netty.internal.proc;

import io.cellnet.GenericPeer;
import io.cellnet.PeerProperty;
import io.cellnet.PeerProvider;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.HttpPeers;
import io.cellnet.netty.LocalPeers;
import io.cellnet.netty.PeerBuilder;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.UdpPeers;
import io.cellnet.netty.WsPeers;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The {@link PeerProvider} of every cellnet-netty peer type, so that
 * {@code Peers.newGenericPeer("tcp.Acceptor", ...)} works: each type is its typed builder with the
 * given name, address, queue and bundle, and defaults otherwise.
 *
 * <p>Thread safety: stateless.
 */
public final class NettyPeerProvider implements PeerProvider {
    private static final Map<String, BiFunction<PeerProperty, ProcessorBundle, GenericPeer>> TYPES = Map.ofEntries(
            Map.entry("tcp.Acceptor", (p, b) -> with(TcpPeers.acceptor(), p, b).build()),
            Map.entry("tcp.Connector", (p, b) -> with(TcpPeers.connector(), p, b).build()),
            Map.entry("tcp.SyncConnector", (p, b) -> with(TcpPeers.syncConnector(), p, b).build()),
            Map.entry("local.Acceptor", (p, b) -> with(LocalPeers.acceptor(), p, b).build()),
            Map.entry("local.Connector", (p, b) -> with(LocalPeers.connector(), p, b).build()),
            Map.entry("udp.Acceptor", (p, b) -> with(UdpPeers.acceptor(), p, b).build()),
            Map.entry("udp.Connector", (p, b) -> with(UdpPeers.connector(), p, b).build()),
            Map.entry("ws.Acceptor", (p, b) -> with(WsPeers.acceptor(), p, b).build()),
            Map.entry("ws.Connector", (p, b) -> with(WsPeers.connector(), p, b).build()),
            Map.entry("http.Acceptor", (p, b) -> with(HttpPeers.acceptor(), p, b).build()),
            Map.entry("http.Connector", (p, b) -> with(HttpPeers.connector(), p, b).build()));
    private static final Map<String, String> GO_ALIASES = Map.of(
            "gorillaws.Acceptor", "ws.Acceptor",
            "gorillaws.Connector", "ws.Connector");

    private static final Set<String> NAMES = names();

    private static Set<String> names() {
        Set<String> names = new TreeSet<>(TYPES.keySet());
        names.addAll(GO_ALIASES.keySet());
        return Set.copyOf(names);
    }

    @Override
    public Set<String> typeNames() {
        return NAMES;
    }

    @Override
    public GenericPeer create(String typeName, PeerProperty property, ProcessorBundle bundle) {
        var factory = TYPES.get(GO_ALIASES.getOrDefault(typeName, typeName));
        if (factory == null) {
            throw new IllegalArgumentException("not a cellnet-netty peer type: " + typeName);
        }
        return factory.apply(property, bundle);
    }

    private static <B extends PeerBuilder<B>> B with(B builder, PeerProperty p, ProcessorBundle bundle) {
        return builder.name(p.name()).address(p.address()).queue(p.queue()).bundle(bundle);
    }
}
