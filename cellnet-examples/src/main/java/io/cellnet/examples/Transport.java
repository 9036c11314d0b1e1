package io.cellnet.examples;

import io.cellnet.Address;
import io.cellnet.TCPAcceptor;
import io.cellnet.TCPConnector;
import io.cellnet.netty.tcp.TcpPeers;

/**
 * The transport of an example's peers ({@code --transport}): {@code tcp} ({@code tcp.ltv}).
 * Every transport carries the same messages, so the echo examples run unchanged on each.
 *
 * <p>Thread safety: immutable.
 */
public enum Transport {
    /** {@code tcp.Acceptor} / {@code tcp.Connector} with {@code tcp.ltv} (RPC, relay, message log). */
    TCP;

    /** The {@code --transport} option (default {@code tcp}). */
    public static Transport from(Args args) {
        return valueOf(args.choice("transport", "tcp", "tcp").toUpperCase(java.util.Locale.ROOT));
    }

    /** Checks {@code address} ({@code host:port}) for this transport; returns it. */
    public String checkAddress(String address) {
        Address a = Address.parse(address);
        if (a.isRange() || !a.scheme().isEmpty()) {
            throw new IllegalArgumentException("--address must be HOST:PORT, got '" + address + "'");
        }
        return address;
    }

    /** An acceptor for {@code spec}, stopped. */
    public Endpoint.Server acceptor(Endpoint spec) {
        TCPAcceptor a = TcpPeers.acceptor().name(spec.name()).address(spec.address()).queue(spec.queue())
                .registry(spec.registry()).callback(spec.callback()).build();
        return new Endpoint.Server(a, a::port, a);
    }

    /** A connector for {@code spec} that does not reconnect, stopped. */
    public Endpoint.Client connector(Endpoint spec) {
        TCPConnector c = TcpPeers.connector().name(spec.name()).address(spec.address()).queue(spec.queue())
                .registry(spec.registry()).callback(spec.callback()).build();
        return new Endpoint.Client(c, c::session);
    }
}
