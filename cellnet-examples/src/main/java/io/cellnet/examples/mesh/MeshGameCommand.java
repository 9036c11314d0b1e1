package io.cellnet.examples.mesh;

import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.ServerOps;
import io.cellnet.examples.ServerRun;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.mesh.ServiceId;
import io.cellnet.mesh.nats.NatsDiscovery;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * {@code mesh-game}: one instance of the game service, {@code game#N@GROUP}, registered on NATS.
 *
 * <p>Thread safety: runs on the command's thread.
 */
public final class MeshGameCommand {
    static final Option NATS = Option.of("nats", "URL", "nats://127.0.0.1:4222", "the NATS server");
    private static final Option INDEX = Option.of("index", "N", "0", "the instance index: its id is game#N@GROUP");
    private static final Option GROUP = Option.of("group", "GROUP", ServiceId.DEFAULT_GROUP, "the instance group");
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", "127.0.0.1:0",
            "where to listen, port 0 for any free port");
    private static final Usage USAGE = Usage.of("mesh-game", "a game service instance registered on NATS",
            "prints LISTENING HOST:PORT, then REGISTERED game#N@GROUP once discoverable; answers mesh.HelloREQ with"
                    + " mesh.HelloACK{User, Server}; deregisters on SIGTERM and prints STOPPED answered=N; --metrics adds"
                    + " METRICS URL; --drain deregisters first, then drains (DRAINING/DRAINED left=N closed=M)",
            NATS, INDEX, GROUP, ADDRESS, ServerOps.METRICS, ServerOps.DRAIN);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, MeshGameCommand::run);

    private MeshGameCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        ServiceId id = new ServiceId(GameMessages.SERVICE, args.getInt(INDEX, 0), args.get(GROUP));
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        ServerOps ops = ServerOps.of(args);
        try (NatsDiscovery discovery = NatsDiscovery.connect(args.get(NATS))) {
            GameServer game;
            try {
                game = GameServer.start(discovery, id, address);
            } catch (CompletionException | IllegalStateException e) {
                console.out().println("FAIL: " + (e instanceof CompletionException ? e.getCause() : e));
                return 1;
            }
            try {
                if (ServerRun.untilStopped(console, ops, List.of("LISTENING " + game.listening(), "REGISTERED " + id),
                        List.of(), List.of(game::drain)) != 0) {
                    return 1;
                }
            } finally {
                game.close();
            }
            console.out().println("STOPPED answered=" + game.answered());
            return 0;
        }
    }
}
