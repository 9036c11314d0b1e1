package io.cellnet.examples.mesh;

import io.cellnet.EventQueue;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Usage;
import io.cellnet.mesh.InMemoryDiscovery;
import io.cellnet.mesh.ServiceId;
import io.cellnet.mesh.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mesh-demo}: the whole mesh in one JVM on the in-memory discovery: a gateway, three game
 * instances and six users; one instance is killed mid-run and its users move to the others without
 * losing their connection.
 *
 * <p>Thread safety: runs on the command's thread.
 */
public final class MeshDemoCommand {
    private static final Option USERS = Option.of("users", "N", "6", "client connections");
    private static final Usage USAGE = Usage.of("mesh-demo", "gateway, 3 game instances and clients in one JVM",
            "kills one instance mid-run and shows its clients moving; exits 0 when every request was answered"
                    + " and no client lost its connection", USERS);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, MeshDemoCommand::run);

    private MeshDemoCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        Duration timeout = Duration.ofSeconds(10);
        int userCount = args.getPositiveInt(USERS);
        List<GameServer> games = new ArrayList<>();
        try (InMemoryDiscovery discovery = new InMemoryDiscovery();
                EventQueue queue = EventQueue.create("mesh-demo-gateway").startLoop()) {
            for (int i = 0; i < 3; i++) {
                games.add(GameServer.start(discovery, ServiceId.of(GameMessages.SERVICE, i), "127.0.0.1:0"));
                console.out().println("GAME " + games.get(i).id() + " at " + games.get(i).listening());
            }
            try (Gateway gateway = Gateway.builder(discovery, queue).address("127.0.0.1:0").routes(GameMessages.ROUTES)
                    .start()) {
                console.out().println("GATEWAY 127.0.0.1:" + gateway.port());
                long deadline = System.nanoTime() + timeout.toNanos();
                while (gateway.connectors(GameMessages.SERVICE).connected().size() < games.size()) {
                    if (System.nanoTime() > deadline) {
                        console.out().println("FAIL: the gateway did not reach every game instance");
                        return 1;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a demo's start-up poll
                }
                try (HelloUsers users = HelloUsers.connect("127.0.0.1:" + gateway.port(), userCount, timeout)) {
                    HelloUsers.Result before = users.round(3, 1, timeout);
                    before.lastServer().forEach((u, s) -> console.out().println("USER " + u + " on " + s));
                    String victim = mostUsed(before.lastServer());
                    GameServer dead = games.stream().filter(g -> g.id().toString().equals(victim)).findFirst().orElseThrow();
                    dead.close();
                    games.remove(dead);
                    console.out().println("KILLED " + victim);
                    HelloUsers.Result after = users.round(3, 1, timeout);
                    int moved = 0;
                    for (Map.Entry<String, String> e : after.lastServer().entrySet()) {
                        String was = before.lastServer().get(e.getKey());
                        if (!e.getValue().equals(was)) {
                            moved++;
                            console.out().println("MOVED " + e.getKey() + " " + was + " -> " + e.getValue());
                        }
                    }
                    boolean ok = before.complete() && after.complete() && after.replies() == userCount * 3
                            && !after.servers().containsKey(victim) && users.openConnections() == userCount && moved > 0;
                    console.out().println((ok ? "OK" : "FAIL:") + " users=" + userCount + " moved=" + moved + " replies="
                            + (before.replies() + after.replies()) + " errors=" + after.errors() + " servers="
                            + after.serverList());
                    return ok ? 0 : 1;
                }
            }
        } finally {
            games.forEach(GameServer::close);
        }
    }

    private static String mostUsed(Map<String, String> lastServer) {
        Map<String, Integer> n = new java.util.TreeMap<>();
        lastServer.values().forEach(s -> n.merge(s, 1, Integer::sum));
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
