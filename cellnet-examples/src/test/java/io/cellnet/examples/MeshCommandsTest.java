package io.cellnet.examples;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.examples.mesh.HelloUsers;
import io.cellnet.mesh.NatsServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mesh commands as written in the issue and docs/mesh.md: {@code mesh-demo} in-process, and
 * {@code mesh-game}, {@code mesh-gateway} as real processes on a real nats-server, with
 * {@code mesh-client} (and a load of users) through the gateway; one game is killed with SIGKILL
 * under load.
 */
@ExtendWith(NoLeftoversExtension.class)
@Timeout(120)
class MeshCommandsTest {
    static NatsServerProcess nats;

    @BeforeAll
    static void startNats() throws Exception {
        nats = NatsServerProcess.start();
    }

    @AfterAll
    static void stopNats() {
        nats.close();
    }

    @Test
    void theDemoMovesTheClientsOfAKilledInstanceAndExitsZero() throws Exception {
        InProcess demo = InProcess.run("mesh-demo").assertExit(0);
        String text = demo.out.text();
        assertTrue(text.contains("KILLED game#"), text);
        assertTrue(text.contains("MOVED u"), text);
        assertTrue(demo.out.lines().get(demo.out.lines().size() - 1).matches(
                "OK users=6 moved=[1-6] replies=36 errors=0 servers=game#\\d@dev:\\d+(,game#\\d@dev:\\d+)?"), text);
    }

    /** Starts {@code mesh-game --nats URL --index N} and waits for its two lines. */
    static ChildJvm game(int index) throws Exception {
        ChildJvm g = ChildJvm.start("mesh-game", "--nats", nats.url(), "--index", Integer.toString(index));
        assertTrue(g.listening().matches("127\\.0\\.0\\.1:\\d+"), g.out::text);
        g.out.await("REGISTERED game#" + index + "@dev", InProcess.WAIT);
        return g;
    }

    /** Starts {@code mesh-gateway --nats URL --address 127.0.0.1:0} and waits until it reaches games 0 and 1. */
    static ChildJvm gateway() throws Exception {
        ChildJvm gateway = ChildJvm.start("mesh-gateway", "--nats", nats.url(), "--address", "127.0.0.1:0");
        try {
            gateway.listening();
            gateway.out.await("BACKEND CONNECTED game#0@dev", InProcess.WAIT);
            gateway.out.await("BACKEND CONNECTED game#1@dev", InProcess.WAIT);
            return gateway;
        } catch (Exception | AssertionError e) {
            gateway.close();
            throw e;
        }
    }

    @Test
    void gamesAGatewayAndClientsAsSeparateProcessesOnNats() throws Exception {
        try (ChildJvm g0 = game(0); ChildJvm g1 = game(1);
                ChildJvm gateway = gateway()) {
            String address = gateway.listening();
            InProcess client = InProcess.run("mesh-client", "--address", address, "--users", "8", "--count", "5")
                    .assertExit(0);
            String ok = client.out.lines().get(0);
            assertTrue(ok.matches("OK users=8 replies=40 servers=game#0@dev:\\d+,game#1@dev:\\d+"), client.out::text);

            g1.terminate();
            gateway.out.await("BACKEND REMOVED game#1@dev", InProcess.WAIT);
            InProcess after = InProcess.run("mesh-client", "--address", address, "--users", "3", "--count", "2")
                    .assertExit(0);
            assertEquals("OK users=3 replies=6 servers=game#0@dev:6", after.out.lines().get(0));
            assertEquals(0, gateway.terminate());
            assertEquals(0, g0.terminate());
        }
    }

    @Test
    void aGameKilledWithSigkillUnderLoad() throws Exception {
        try (ChildJvm g0 = game(0); ChildJvm g1 = game(1);
                ChildJvm gateway = gateway()) {
            String address = gateway.listening();
            try (HelloUsers users = HelloUsers.connect(address, 8, InProcess.WAIT)) {
                CompletableFuture<HelloUsers.Result> load = CompletableFuture.supplyAsync(() -> {
                    try {
                        return users.round(3000, 10, Duration.ofSeconds(90));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                await().atMost(InProcess.WAIT).until(() -> {
                    Map<String, Integer> s = users.serversSoFar();
                    return s.getOrDefault("game#0@dev", 0) > 100 && s.getOrDefault("game#1@dev", 0) > 100;
                });
                long killed = System.nanoTime();
                g0.kill(); // no goodbye; the OS resets its connections
                HelloUsers.Result r = load.get();
                assertTrue(r.complete(), "every request got a reply or an error: " + r);
                assertEquals(0, r.closed(), "no client was disconnected");
                assertTrue(r.errors() > 0, "requests in flight to the killed game were answered with an error: " + r);
                assertEquals(8 * 3000, r.replies() + r.errors());
                assertEquals(8, users.openConnections());

                HelloUsers.Result next = users.round(5, 5, InProcess.WAIT);
                assertTrue(next.complete(), next.toString());
                assertEquals(Map.of("game#1@dev", 40), next.servers(), "the survivor serves every new request");
                gateway.out.await("BACKEND REMOVED game#0@dev", InProcess.WAIT);
                System.out.printf("kill -9 under load: %d replies, %d in-flight errors; presence gone %d ms after"
                        + " the kill%n", r.replies(), r.errors(), (System.nanoTime() - killed) / 1_000_000);
            }
            assertEquals(0, gateway.terminate());
            assertEquals(0, g1.terminate());
        }
    }

    @Test
    void onSigtermADrainingGameDeregistersThenClosesTheGatewaysLinkAndTheGatewayDropsIt() throws Exception {
        try (ChildJvm game = ChildJvm.start("mesh-game", "--nats", nats.url(), "--index", "7", "--metrics",
                "127.0.0.1:0", "--drain", "1")) {
            game.listening();
            game.out.await("REGISTERED game#7@dev", InProcess.WAIT);
            assertTrue(game.out.await(l -> l.startsWith("METRICS "), InProcess.WAIT).matches(
                    "METRICS http://127\\.0\\.0\\.1:\\d+/metrics"), game.out::text);
            try (ChildJvm gateway = ChildJvm.start("mesh-gateway", "--nats", nats.url(), "--address", "127.0.0.1:0")) {
                String address = gateway.listening();
                gateway.out.await("BACKEND CONNECTED game#7@dev", InProcess.WAIT);
                // a request answered through the gateway: the game holds the gateway's link as a session
                InProcess.run("mesh-client", "--address", address, "--users", "1", "--count", "1").assertExit(0);

                assertEquals(0, game.terminate(), () -> game.out.text() + "\n" + game.logs());

                List<String> lines = game.out.lines();
                assertTrue(lines.contains("DRAINING deadline=1s"), game.out::text);
                // the gateway's link is the one session: it leaves when the gateway sees the instance
                // removed, or is closed at the deadline
                assertTrue(lines.stream().anyMatch(l -> l.equals("DRAINED left=1 closed=0")
                        || l.equals("DRAINED left=0 closed=1")), game.out::text);
                assertEquals("STOPPED answered=1", lines.get(lines.size() - 1), game.out::text);
                gateway.out.await("BACKEND REMOVED game#7@dev", InProcess.WAIT);
                assertEquals(0, gateway.terminate(), gateway::logs);
            }
        }
    }

    @Test
    void onSigtermADrainingGatewayClosesTheClientThatStaysAndStops() throws Exception {
        try (ChildJvm g0 = game(0);
                ChildJvm gateway = ChildJvm.start("mesh-gateway", "--nats", nats.url(), "--address", "127.0.0.1:0",
                        "--metrics", "127.0.0.1:0", "--drain", "1")) {
            String address = gateway.listening();
            assertTrue(gateway.out.await(l -> l.startsWith("METRICS "), InProcess.WAIT).matches(
                    "METRICS http://127\\.0\\.0\\.1:\\d+/metrics"), gateway.out::text);
            gateway.out.await("BACKEND CONNECTED game#0@dev", InProcess.WAIT);
            try (HelloUsers users = HelloUsers.connect(address, 1, InProcess.WAIT)) {
                // an answer proves the gateway holds the client's session before the drain starts
                HelloUsers.Result r = users.round(1, 1, InProcess.WAIT);
                assertEquals(Map.of("game#0@dev", 1), r.servers(), r::toString);

                // the client stays: the drain closes it at the deadline
                assertEquals(0, gateway.terminate(), () -> gateway.out.text() + "\n" + gateway.logs());

                List<String> lines = gateway.out.lines();
                assertTrue(lines.contains("DRAINING deadline=1s"), gateway.out::text);
                assertTrue(lines.contains("DRAINED left=0 closed=1"), gateway.out::text);
                assertTrue(lines.indexOf("DRAINING deadline=1s") < lines.indexOf("DRAINED left=0 closed=1"),
                        gateway.out::text);
                assertEquals("STOPPED clients=0", lines.get(lines.size() - 1), gateway.out::text);
                await().atMost(InProcess.WAIT).until(() -> users.openConnections() == 0);
            }
            assertEquals(0, g0.terminate());
        }
    }

    @Test
    void usageNamesTheMeshCommands() {
        assertTrue(Main.commands().keySet().containsAll(Set.of("mesh-game", "mesh-gateway", "mesh-client", "mesh-demo")),
                List.copyOf(Main.commands().keySet())::toString);
    }
}
