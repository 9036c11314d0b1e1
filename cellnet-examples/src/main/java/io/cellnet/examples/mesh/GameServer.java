package io.cellnet.examples.mesh;

import io.cellnet.Address;
import io.cellnet.DrainHook;
import io.cellnet.DrainResult;
import io.cellnet.EventQueue;
import io.cellnet.TcpAcceptor;
import io.cellnet.examples.mesh.GameMessages.HelloACK;
import io.cellnet.examples.mesh.GameMessages.HelloREQ;
import io.cellnet.mesh.Discovery;
import io.cellnet.mesh.LoadPublisher;
import io.cellnet.mesh.Registration;
import io.cellnet.mesh.ServiceId;
import io.cellnet.mesh.ServiceInstance;
import io.cellnet.mesh.gateway.GatewayLink;
import io.cellnet.netty.TcpPeers;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.proc.Processors;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One game service instance: a {@code tcp.ltv} acceptor that answers {@code HelloREQ} with
 * {@code HelloACK{User, its id}} (from clients through a gateway, or connected directly), registered
 * in a discovery once listening, publishing its load every second.
 *
 * <p>Thread safety: {@link #start} and {@link #stop} run on the command's thread; the handler on
 * the instance's queue.
 */
public final class GameServer implements AutoCloseable {
    private final ServiceId id;
    private final EventQueue queue;
    private final TcpAcceptor acceptor;
    private final AtomicLong answered = new AtomicLong();
    private Registration registration;
    private LoadPublisher load;

    private GameServer(ServiceId id, String address) {
        this.id = id;
        this.queue = EventQueue.create(id.toString()).startLoop();
        MessageDispatcher handler = new MessageDispatcher(GameMessages.registry()).on(HelloREQ.class, (ev, req) -> {
            answered.incrementAndGet();
            ev.reply(new HelloACK(req.User(), id.toString()));
        });
        this.acceptor = TcpPeers.acceptor().name(id.toString()).address(address).queue(queue)
                .registry(GameMessages.registry())
                .bundle(Processors.bundle("tcp.ltv", handler).withHooker(GatewayLink.hooker())).build();
    }

    /**
     * Listens on {@code address} (port 0: any free port), then registers as {@code id}.
     *
     * @throws java.util.concurrent.CompletionException when it cannot listen
     * @throws IllegalStateException when a live instance holds the id
     */
    public static GameServer start(Discovery discovery, ServiceId id, String address) {
        GameServer g = new GameServer(id, address);
        try {
            g.acceptor.start().join();
            g.registration = discovery.register(ServiceInstance.of(id, g.host(), g.acceptor.port()));
            g.load = LoadPublisher.start(g.registration, Duration.ofSeconds(1),
                    LoadPublisher.of(g.acceptor, g.queue, () -> 0));
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
        return g;
    }

    private String host() {
        String host = Address.parse(acceptor.address()).host();
        return host.isEmpty() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }

    /** The instance's id. */
    public ServiceId id() {
        return id;
    }

    /** {@code host:port} it listens on. */
    public String listening() {
        return host() + ":" + acceptor.port();
    }

    /** Requests answered so far. */
    public long answered() {
        return answered.get();
    }

    /**
     * Takes the instance out of rotation: deregisters (the gateways stop routing new players here
     * and drop their link once it closes), then drains the acceptor: no new connection, the open
     * ones (the gateways' links) get {@code deadline} to finish what is in flight, then close.
     * Call it from the command's thread; it does not block (the stage completes as
     * {@link io.cellnet.TcpAcceptor#drain}'s does).
     */
    public CompletionStage<DrainResult> drain(Duration deadline, DrainHook hook) {
        if (load != null) {
            load.close();
            load = null;
        }
        if (registration != null) {
            registration.close();
            registration = null;
        }
        return acceptor.drain(deadline, hook);
    }

    /** Deregisters, stops listening (every session closes) and closes the queue. */
    @Override
    public void close() {
        if (load != null) {
            load.close();
        }
        if (registration != null) {
            registration.close();
        }
        acceptor.close();
        queue.close();
    }
}
