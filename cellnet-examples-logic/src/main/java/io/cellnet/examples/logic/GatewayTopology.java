package io.cellnet.examples.logic;

import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.MessageRegistry;
import io.cellnet.Peers;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.proc.Processors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend acceptor, a gateway acceptor for players and the gateway's connector to the backend,
 * made by type name ({@code tcp.Acceptor}, {@code tcp.Connector}, processor {@code tcp.ltv}) on
 * loopback ports the system picks, all running their callbacks on one queue.
 *
 * <pre>{@code
 * try (GatewayTopology game = GatewayTopology.start(queue)) {
 *     TcpConnector player = ... connect to "127.0.0.1:" + game.gatewayPort() ...
 *     LoginAck ack = Rpc.callSync(player, new Login("alice"), LoginAck.class, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread safety: {@link #start} and {@link #close} from one thread; the peers are thread-safe.
 */
public final class GatewayTopology implements AutoCloseable {
    private final TcpAcceptor backend;
    private final TcpAcceptor gateway;
    private final TcpConnector toBackend;

    private GatewayTopology(TcpAcceptor backend, TcpAcceptor gateway, TcpConnector toBackend) {
        this.backend = backend;
        this.gateway = gateway;
        this.toBackend = toBackend;
    }

    /**
     * Registers {@link GameMessages} in {@link MessageRegistry#global()} and starts the backend, the
     * gateway and the gateway's connection to the backend, with their callbacks on {@code queue}.
     * Returns once all three run and the gateway is connected.
     */
    public static GatewayTopology start(EventQueue queue) {
        GameMessages.register(MessageRegistry.global());
        TcpAcceptor backend = (TcpAcceptor) Peers.newGenericPeer("tcp.Acceptor", "backend", "127.0.0.1:0", queue,
                Processors.bundle("tcp.ltv", Backend.handler()));
        backend.start().join();
        AtomicReference<TcpConnector> toBackend = new AtomicReference<>();
        TcpAcceptor gateway = (TcpAcceptor) Peers.newGenericPeer("tcp.Acceptor", "gateway", "127.0.0.1:0", queue,
                Processors.bundle("tcp.ltv", new Gateway(() -> toBackend.get().session()).playerHandler()));
        toBackend.set((TcpConnector) Peers.newGenericPeer("tcp.Connector", "gateway-to-backend",
                "127.0.0.1:" + backend.port(), queue, Processors.bundle("tcp.ltv", Gateway.backendHandler(gateway))));
        gateway.start().join();
        toBackend.get().start().join();   // no reconnect policy: completes once connected, fails if it cannot
        return new GatewayTopology(backend, gateway, toBackend.get());
    }

    /** The port players connect to. */
    public int gatewayPort() {
        return gateway.port();
    }

    /** The gateway's acceptor (its sessions are the players'). */
    public TcpAcceptor gateway() {
        return gateway;
    }

    /** Stops the three peers. */
    @Override
    public void close() {
        toBackend.close();
        gateway.close();
        backend.close();
    }
}
