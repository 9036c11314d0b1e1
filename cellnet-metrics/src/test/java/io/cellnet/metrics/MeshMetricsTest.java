package io.cellnet.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.EventQueue;
import io.cellnet.TcpConnector;
import io.cellnet.mesh.InMemoryDiscovery;
import io.cellnet.mesh.Registration;
import io.cellnet.mesh.ServiceId;
import io.cellnet.mesh.ServiceInstance;
import io.cellnet.mesh.ServiceLoad;
import io.cellnet.mesh.gateway.Gateway;
import io.cellnet.mesh.gateway.MeshMessages;
import io.cellnet.mesh.gateway.RouteMode;
import io.cellnet.mesh.gateway.RouteTable;
import io.cellnet.metrics.Fixture.Note;
import io.cellnet.metrics.Fixture.Ping;
import io.cellnet.netty.TcpPeers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mesh meters with the in-memory discovery and a real gateway. */
class MeshMetricsTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void instancesAndDiscoveryChangesAreCountedByService() {
        f.closeLater(CellnetMetrics.bind(f.registry));
        InMemoryDiscovery discovery = f.closeLater(new InMemoryDiscovery());
        Registration one = discovery.register(ServiceInstance.of(ServiceId.of("game", 1), "127.0.0.1", 9001));
        discovery.register(ServiceInstance.of(ServiceId.of("game", 2), "127.0.0.1", 9002));
        assertEquals(2, f.gauge("cellnet.mesh.instances", "service", "game"));
        assertEquals(2, f.count("cellnet.mesh.discovery.changes", "service", "game", "change", "added"));
        one.updateLoad(new ServiceLoad(5, 10, 0));
        assertEquals(1, f.count("cellnet.mesh.discovery.changes", "service", "game", "change", "updated"));
        one.close();
        assertEquals(1, f.count("cellnet.mesh.discovery.changes", "service", "game", "change", "removed"));
        assertEquals(1, f.gauge("cellnet.mesh.instances", "service", "game"));
    }

    @Test
    void messagesTheGatewayCannotRouteAreCountedByService() {
        f.closeLater(CellnetMetrics.bind(f.registry));
        InMemoryDiscovery discovery = f.closeLater(new InMemoryDiscovery());
        EventQueue q = f.closeLater(EventQueue.builder("gateway").build().startLoop());
        RouteTable routes = RouteTable.builder().route("metrics.Ping", "game", RouteMode.REQUEST).build();
        Gateway gw = Gateway.builder(discovery, q).address("127.0.0.1:0").routes(routes).start();
        f.closeLater(gw::close);
        MeshMessages.register(f.messages);
        TcpConnector c = f.start(TcpPeers.connector().name("client").address("127.0.0.1:" + gw.port())
                .registry(f.messages).build());
        await().atMost(BOUND).until(() -> c.session().isOpen());
        c.session().send(new Ping("no instance"));
        c.session().send(new Note("no route"));
        await().atMost(BOUND).until(() -> f.count("cellnet.mesh.routing.failures", "service", "game") == 1
                && f.count("cellnet.mesh.routing.failures", "service", "none") == 1);
    }
}
