package io.cellnet.examples;

import io.cellnet.Address;
import io.cellnet.EventHooker;
import io.cellnet.ProcessorBundle;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.PeerBuilder;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.UdpPeers;
import io.cellnet.netty.WsPeers;
import io.cellnet.netty.relay.RelayHooker;
import io.cellnet.netty.rpc.RpcHooker;
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
    TCP("tcp.ltv"),
    /** {@code udp.Acceptor} / {@code udp.Connector} with {@code udp.ltv} plus RPC and relay. */
    UDP("udp.ltv"),
    /** {@code ws.Acceptor} / {@code ws.Connector} with {@code ws.ltv} plus RPC and relay. */
    WS("ws.ltv");

    /** The {@code --transport} option. */
    public static final Option OPTION = Option.of("transport", "tcp|udp|ws", "tcp",
            "must match the peer's; a ws address may have a path, HOST:PORT/PATH");

    private final String processor;

    Transport(String processor) {
        this.processor = processor;
    }

    /** The {@code --transport} option's value. */
    public static Transport from(Args args) {
        return valueOf(args.choice(OPTION).toUpperCase(Locale.ROOT));
    }

    /**
     * Checks {@code address}: {@code HOST:PORT}, for {@code ws} optionally with a path
     * ({@code HOST:PORT/echo}); returns it. For {@link Args#get(Option, java.util.function.Function)}.
     *
     * @throws IllegalArgumentException saying what it must be
     */
    public String checkAddress(String address) {
        String form = this == WS ? "HOST:PORT[/PATH]" : "HOST:PORT";
        Address a;
        try {
            a = Address.parse(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + form + ": " + e.getMessage(), e);
        }
        if (a.isRange() || !a.scheme().isEmpty() || (this != WS && !a.path().isEmpty())) {
            throw new IllegalArgumentException("must be " + form + ", got '" + address + "'");
        }
        return address;
    }

    /** An acceptor for {@code spec}, stopped. */
    public Endpoint.Server acceptor(Endpoint spec) {
        if (this == UDP) {
            UdpAcceptor a = configure(UdpPeers.acceptor(), spec).build();
            return new Endpoint.Server(a, a::port, a);
        }
        return server(configure(this == TCP ? TcpPeers.acceptor() : WsPeers.acceptor(), spec).build());
    }

    /** A connector for {@code spec} that does not reconnect, stopped. */
    public Endpoint.Client connector(Endpoint spec) {
        if (this == UDP) {
            UdpConnector c = configure(UdpPeers.connector(), spec).build();
            return new Endpoint.Client(c, c::session);
        }
        TcpConnector c = configure(this == TCP ? TcpPeers.connector() : WsPeers.connector(), spec).build();
        return new Endpoint.Client(c, c::session);
    }

    /** A TCP or WebSocket acceptor as an {@link Endpoint.Server}. */
    public static Endpoint.Server server(TcpAcceptor a) {
        return new Endpoint.Server(a, a::port, a);
    }

    private <B extends PeerBuilder<B>> B configure(B builder, Endpoint spec) {
        return builder.name(spec.name()).address(spec.address()).queue(spec.queue()).registry(spec.registry())
                .bundle(bundle(spec));
    }

    /** {@code tcp.ltv} has RPC and relay already; the others get them added. */
    private ProcessorBundle bundle(Endpoint spec) {
        ProcessorBundle b = Processors.bundle(processor, spec.callback());
        return this == TCP ? b : b.withHooker(EventHooker.chain(RpcHooker.INSTANCE, RelayHooker.INSTANCE));
    }
}
