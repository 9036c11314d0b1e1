package io.cellnet.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.mesh.TestMessages.HelloACK;
import io.cellnet.mesh.TestMessages.HelloREQ;
import io.cellnet.mesh.gateway.Gateway;
import io.cellnet.mesh.nats.NatsDiscovery;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The NATS server is killed (SIGKILL) and restarted while a game, a gateway and a client run:
 * traffic between the connected services never stops, the game is registered again on the fresh
 * server, and the gateway's watch sees instances registered after the restart.
 */
@Timeout(90)
class NatsRestartTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(TestMessages.registry());
    NatsServerProcess nats;
    final List<Discovery> discoveries = new ArrayList<>();

    @BeforeEach
    void startNats() throws Exception {
        nats = NatsServerProcess.start();
    }

    @AfterEach
    void stop() {
        discoveries.forEach(Discovery::close);
        nats.close();
    }

    Discovery discovery() throws Exception {
        Discovery d = NatsDiscovery.connect(nats.url());
        discoveries.add(d);
        return d;
    }

    @Test
    void trafficContinuesAndRegistrationsAndWatchesRecover() throws Exception {
        TestGame game = new TestGame(net, discovery(), 0);
        Events<ServiceEvent> seen = new Events<>();
        try (Gateway gw = Gateway.builder(discovery(), net.queue("gateway")).address("127.0.0.1:0")
                .routes(GatewayTest.ROUTES).backendListener((id, change) -> { }).start()) {
            Watch watch = discoveries.get(1).watch("game", net.queue("watcher"), seen);
            await().atMost(Events.WAIT).until(() -> gw.connectors("game").connected().size() == 1);
            RecordingEventCallback events = new RecordingEventCallback();
            TcpConnector client = net.start(net.tcpConnector(gw.port(), events, b -> b));
            events.expect(SessionConnected.class);

            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
                try {
                    nats.restart();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int answered = 0;
            while (!restart.isDone() || answered < 20) {
                client.session().send(new HelloREQ("u" + answered));
                assertEquals(new HelloACK("u" + answered, "game#0@dev"), events.expect(HelloACK.class),
                        "every request is answered during the restart");
                answered++;
            }
            restart.join();

            Discovery fresh = discovery();
            await().atMost(Events.WAIT).until(() -> fresh.query("game").size() == 1);
            assertEquals(game.id, fresh.query("game").get(0).id(), "registered again on the restarted server");
            TestGame late = new TestGame(net, fresh, 1);
            seen.await(Events.is(ServiceEventKind.ADDED, late.id));
            await().atMost(Events.WAIT).until(() -> gw.connectors("game").connected().size() == 2);
            assertFalse(seen.list.stream().anyMatch(e -> e.kind() == ServiceEventKind.REMOVED),
                    "the live game was never reported removed: " + seen.list);
            assertTrue(client.session().isOpen());
            watch.close();
        }
    }
}
