package io.cellnet.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellnet.EventQueue;
import io.cellnet.mesh.TestMessages.HelloACK;
import io.cellnet.mesh.TestMessages.HelloREQ;
import io.cellnet.rpc.Rpc;
import io.cellnet.testing.CellnetPeersExtension;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One connector per discovered instance, retired on removal; RPC over a picked instance; load publishing. */
class ServiceConnectorsTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(TestMessages.registry());
    final InMemoryDiscovery discovery = new InMemoryDiscovery();

    @AfterEach
    void close() {
        discovery.close();
    }

    ServiceConnectors connectors(EventQueue queue, SelectionPolicy policy) {
        ServiceConnectors c = ServiceConnectors.builder(discovery, "game").queue(queue).registry(net.registry())
                .policy(policy).start();
        net.closeAfterTest(c);
        return c;
    }

    @Test
    void rpcCallsReachSomeInstanceAndRemovedInstancesAreRetired() throws Exception {
        TestGame g0 = new TestGame(net, discovery, 0);
        TestGame g1 = new TestGame(net, discovery, 1);
        ServiceConnectors games = connectors(net.queue("caller"), SelectionPolicy.roundRobin());
        await().atMost(Events.WAIT).until(() -> games.connected().size() == 2);
        Set<String> answered = new HashSet<>();
        for (int n = 0; n < 4; n++) {
            HelloACK ack = Rpc.call(games.pick(null), new HelloREQ("r" + n), HelloACK.class, Duration.ofSeconds(5))
                    .get();
            assertEquals("r" + n, ack.User());
            answered.add(ack.Server());
        }
        assertEquals(Set.of("game#0@dev", "game#1@dev"), answered, "round-robin over both instances");
        assertEquals(g0.id, ServiceConnectors.instanceOf(games.session(g0.id)));

        g1.die();
        await().atMost(Events.WAIT).until(() -> games.instances().size() == 1);
        assertNull(games.session(g1.id), "the removed instance's connector is gone");
        assertEquals(new HelloACK("after", "game#0@dev"),
                Rpc.call(games.pick(null), new HelloREQ("after"), HelloACK.class, Duration.ofSeconds(5)).get());
        g0.die();
        await().atMost(Events.WAIT).until(() -> games.pick(null) == null);
    }

    @Test
    void publishedLoadSteersLeastLoaded() throws Exception {
        TestGame g0 = new TestGame(net, discovery, 0);
        TestGame g1 = new TestGame(net, discovery, 1);
        ServiceConnectors games = connectors(net.queue("caller"), SelectionPolicy.leastLoaded());
        await().atMost(Events.WAIT).until(() -> games.connected().size() == 2);
        LoadPublisher busy = LoadPublisher.start(g0.registration, Duration.ofMillis(50), () -> new ServiceLoad(0, 0, 100));
        try {
            await().atMost(Events.WAIT).until(() -> games.instances().get(0).load().user() == 100);
            for (int n = 0; n < 3; n++) {
                assertEquals(g1.id, ServiceConnectors.instanceOf(games.pick(null)));
            }
        } finally {
            busy.close();
        }
        g1.registration.updateLoad(new ServiceLoad(50, 50, 50));
        await().atMost(Events.WAIT).until(() -> games.instances().get(1).load().sessions() == 50);
        assertEquals(List.of(g0.id, g1.id), games.instances().stream().map(ServiceInstance::id).toList());
        assertEquals(g0.id, ServiceConnectors.instanceOf(games.pick(null)), "game#0 (100) < game#1 (150)");
    }
}
