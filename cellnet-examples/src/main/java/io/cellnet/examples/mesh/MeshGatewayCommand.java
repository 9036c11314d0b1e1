package io.cellnet.examples.mesh;

import io.cellnet.EventQueue;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.QueueKind;
import io.cellnet.examples.ServerOps;
import io.cellnet.examples.ServerRun;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.mesh.gateway.Gateway;
import io.cellnet.mesh.nats.NatsDiscovery;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * {@code mesh-gateway}: a gateway that finds the game service on NATS and routes
 * {@code mesh.HelloREQ} to it.
 *
 * <p>By default the gateway runs on a loop queue that does not spin when idle
 * ({@code --queue loop --loop-spin 0}): forwarding runs on the I/O thread of its connections, with
 * no hand-off, and an idle gateway leaves the cores to the processes it forwards for
 * (docs/mesh.md, "Gateway hop cost").
 *
 * <p>With {@code --drain SECONDS}, SIGTERM drains the gateway's clients ({@link Gateway#drain})
 * before it stops, as the other servers drain theirs; the backends stay connected meanwhile.
 *
 * <p>Thread safety: runs on the command's thread; routing runs on the gateway's queue.
 */
public final class MeshGatewayCommand {
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", "127.0.0.1:18900",
            "where clients connect (tcp.ltv), port 0 for any free port");
    private static final Option ROUTES_KEY = Option.of("routes-key", "KEY", "",
            "read the route table from this NATS key-value key (and reload it on change) instead of the built-in one");
    private static final Option QUEUE = Option.of("queue", "loop|thread", "loop",
            "the gateway's queue: the event loop its clients and backends do their I/O on (no hand-off), or one"
                    + " queue thread fed by the I/O threads");
    private static final Option LOOP_SPIN = Option.of("loop-spin", "MICROS", "0",
            "with --queue loop: how long the idle loop polls before it blocks (cellnet.loop.spinMicros, which wins when"
                    + " set); 0 leaves the cores to the game and client processes on a shared machine");
    private static final Usage USAGE = Usage.of("mesh-gateway", "a gateway routing clients to the game service",
            "prints LISTENING HOST:PORT, then BACKEND DISCOVERED|CONNECTED|DISCONNECTED|REMOVED <id> as game"
                    + " instances come and go; routes mesh.HelloREQ to service game; prints STOPPED clients=N on SIGTERM;"
                    + " --metrics adds METRICS URL; --drain drains the clients first, their requests still answered"
                    + " (DRAINING/DRAINED left=N closed=M)",
            MeshGameCommand.NATS, ADDRESS, ROUTES_KEY, QUEUE, LOOP_SPIN, ServerOps.METRICS, ServerOps.DRAIN);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, MeshGatewayCommand::run);

    private MeshGatewayCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        String queueKind = args.choice(QUEUE);
        int spin = args.getInt(LOOP_SPIN, 0);
        if (queueKind.equals("loop") && System.getProperty("cellnet.loop.spinMicros") == null) {
            System.setProperty("cellnet.loop.spinMicros", Integer.toString(spin)); // read when the first loop starts
        }
        // the meters are bound before the gateway's queue and peers are built, so that they are counted
        ServerOps ops = ServerOps.of(args);
        try (NatsDiscovery discovery = NatsDiscovery.connect(args.get(MeshGameCommand.NATS));
                EventQueue queue = QueueKind.create(queueKind, "mesh-gateway")) {
            Gateway.Builder b = Gateway.builder(discovery, queue).address(address)
                    .backendListener((id, change) -> console.out().println("BACKEND " + change + " " + id));
            b = args.get(ROUTES_KEY).isEmpty() ? b.routes(GameMessages.ROUTES) : b.routesFromKv(args.get(ROUTES_KEY));
            Gateway gateway;
            try {
                gateway = b.start();
            } catch (CompletionException e) {
                console.out().println("FAIL: cannot listen on " + address + ": " + e.getCause());
                return 1;
            }
            try {
                String host = address.substring(0, address.lastIndexOf(':'));
                String listening = "LISTENING " + (host.isEmpty() ? "0.0.0.0" : host) + ":" + gateway.port();
                if (ServerRun.untilStopped(console, ops, List.of(listening), List.of(), List.of(gateway::drain)) != 0) {
                    return 1;
                }
            } finally {
                gateway.close();
            }
            console.out().println("STOPPED clients=" + gateway.clientCount());
            return 0;
        }
    }
}
