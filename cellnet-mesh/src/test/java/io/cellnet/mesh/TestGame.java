package io.cellnet.mesh;

import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.TcpAcceptor;
import io.cellnet.mesh.TestMessages.HelloACK;
import io.cellnet.mesh.TestMessages.HelloREQ;
import io.cellnet.mesh.TestMessages.HoldREQ;
import io.cellnet.mesh.gateway.ClientClosedACK;
import io.cellnet.mesh.gateway.ClientConnectedACK;
import io.cellnet.mesh.gateway.GatewayLink;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.proc.Processors;
import io.cellnet.testing.CellnetPeersExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend game of the mesh tests: answers {@code HelloREQ} with {@code HelloACK{User, its id}},
 * keeps {@code HoldREQ} unanswered, and records what the gateway announced.
 */
final class TestGame {
    final ServiceId id;
    final TcpAcceptor acceptor;
    final Registration registration;
    final Events<Object> announced = new Events<>();
    final List<RecvMsgEvent> held = new CopyOnWriteArrayList<>();
    final AtomicReference<Session> gateway = new AtomicReference<>();

    TestGame(CellnetPeersExtension net, Discovery discovery, int index) {
        this.id = ServiceId.of("game", index);
        MessageDispatcher handler = new MessageDispatcher(net.registry())
                .on(HelloREQ.class, (ev, req) -> ev.reply(new HelloACK(req.User(), id.toString())))
                .on(HoldREQ.class, (ev, req) -> held.add(ev))
                .on(ClientConnectedACK.class, (ev, m) -> {
                    gateway.set(ev.session());
                    announced.accept(m);
                })
                .on(ClientClosedACK.class, (ev, m) -> announced.accept(m));
        this.acceptor = net.start(net.tcpAcceptor(handler, b -> b.name(id.toString())
                .bundle(Processors.bundle("tcp.ltv", handler).withHooker(GatewayLink.hooker()))));
        this.registration = discovery.register(ServiceInstance.of(id, "127.0.0.1", acceptor.port()));
    }

    /** Stops as a crashed process would look to the gateway: connections reset, registration gone. */
    void die() {
        acceptor.close();
        registration.close();
    }

    List<Long> connectedClients() {
        return announced.list.stream().filter(ClientConnectedACK.class::isInstance)
                .map(m -> ((ClientConnectedACK) m).ID().ID()).toList();
    }
}
