package io.cellnet.examples;

import io.cellnet.Address;
import io.cellnet.EventHooker;
import io.cellnet.ProcessorBundle;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.relay.RelayHooker;
import io.cellnet.netty.rpc.RpcHooker;
import io.cellnet.netty.TcpPeers;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.UdpPeers;
import io.cellnet.netty.WsPeers;
import io.cellnet.proc.Processors;
import java.util.Locale;

/**
 * The transport of an example's peers ({@code --transport tcp|udp|ws}). Every transport carries
 * the same messages, so the echo examples run unchanged on each. Go's {@code udp.ltv} and
 * {@code gorillaws.ltv} have no RPC or relay; the examples add the RPC and relay hookers of
 * {@code tcp.ltv} to those processors (hookers compose), so every echo mode works on every
 * transport between Java peers.
 *
 * <p>Thread safety: immutable.
 */
public enum Transport {
    /** {@code tcp.Acceptor} / {@code tcp.Connector} with {@code tcp.ltv} (RPC, relay, message log). */
    TCP,
    /** {@code udp.Acceptor} / {@code udp.Connector} with {@code udp.ltv} plus RPC and relay. */
    UDP,
    /** {@code ws.Acceptor} / {@code ws.Connector} with {@code ws.ltv} plus RPC and relay. */
    WS;

    private static final EventHooker RPC_AND_RELAY = EventHooker.chain(RpcHooker.INSTANCE, RelayHooker.INSTANCE);

    /** The {@code --transport} option (default {@code tcp}). */
    public static Transport from(Args args) {
        return valueOf(args.choice("transport", "tcp", "tcp", "udp", "ws").toUpperCase(Locale.ROOT));
    }

    /**
     * Checks {@code address}: {@code HOST:PORT}, for {@code ws} optionally with a path
     * ({@code HOST:PORT/echo}); returns it.
     */
    public String checkAddress(String address) {
        Address a = Address.parse(address);
        if (a.isRange() || !a.scheme().isEmpty() || (this != WS && !a.path().isEmpty())) {
            throw new IllegalArgumentException("--address must be HOST:PORT" + (this == WS ? "[/PATH]" : "")
                    + ", got '" + address + "'");
        }
        return address;
    }

    /** An acceptor for {@code spec}, stopped. */
    public Endpoint.Server acceptor(Endpoint spec) {
        return switch (this) {
            case TCP -> server(TcpPeers.acceptor().name(spec.name()).address(spec.address()).queue(spec.queue())
                    .registry(spec.registry()).callback(spec.callback()).build());
            case WS -> server(WsPeers.acceptor().name(spec.name()).address(spec.address()).queue(spec.queue())
                    .registry(spec.registry()).bundle(bundle("ws.ltv", spec)).build());
            case UDP -> {
                UdpAcceptor a = UdpPeers.acceptor().name(spec.name()).address(spec.address()).queue(spec.queue())
                        .registry(spec.registry()).bundle(bundle("udp.ltv", spec)).build();
                yield new Endpoint.Server(a, a::port, a);
            }
        };
    }

    /** A connector for {@code spec} that does not reconnect, stopped. */
    public Endpoint.Client connector(Endpoint spec) {
        return switch (this) {
            case TCP -> client(TcpPeers.connector().name(spec.name()).address(spec.address()).queue(spec.queue())
                    .registry(spec.registry()).callback(spec.callback()).build());
            case WS -> client(WsPeers.connector().name(spec.name()).address(spec.address()).queue(spec.queue())
                    .registry(spec.registry()).bundle(bundle("ws.ltv", spec)).build());
            case UDP -> {
                UdpConnector c = UdpPeers.connector().name(spec.name()).address(spec.address()).queue(spec.queue())
                        .registry(spec.registry()).bundle(bundle("udp.ltv", spec)).build();
                yield new Endpoint.Client(c, c::session);
            }
        };
    }

    /** A TCP or WebSocket acceptor as an {@link Endpoint.Server}. */
    public static Endpoint.Server server(TcpAcceptor a) {
        return new Endpoint.Server(a, a::port, a);
    }

    private static Endpoint.Client client(TcpConnector c) {
        return new Endpoint.Client(c, c::session);
    }

    private static ProcessorBundle bundle(String processor, Endpoint spec) {
        return Processors.bundle(processor, spec.callback()).withHooker(RPC_AND_RELAY);
    }
}
