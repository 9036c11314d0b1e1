package io.cellnet.examples.mesh;

import io.cellnet.examples.Args;
import io.cellnet.examples.ClientRun;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import java.time.Duration;

/**
 * {@code mesh-client}: users through a gateway (or straight to one game instance), each sending
 * {@code HelloREQ}s; prints {@code OK users=U replies=R servers=ID:n,...} and exits 0 only when
 * every request got its reply.
 *
 * <p>Thread safety: runs on the command's thread.
 */
public final class MeshClientCommand {
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", "127.0.0.1:18900",
            "the gateway (or a game instance, to compare)");
    private static final Option USERS = Option.of("users", "U", "4", "client connections");
    private static final Option COUNT = Option.of("count", "C", "10", "HelloREQ per user");
    private static final Option WINDOW = Option.of("window", "W", "0",
            "requests in flight per user: 0 sends all C at once (pipelined), 1 is ping-pong");
    private static final Option STATS = Option.flag("stats",
            "also print STATS rate=msgs/s p50_us p99_us (round-trip latency) after the OK line");
    private static final Usage USAGE = Usage.of("mesh-client", "users sending mesh.HelloREQ through a gateway",
            "prints OK users=U replies=R servers=ID:n,... (exit 0) when every request got its reply, else FAIL",
            ADDRESS, USERS, COUNT, WINDOW, STATS, ClientRun.TIMEOUT);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, MeshClientCommand::run);

    private MeshClientCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        int users = args.getPositiveInt(USERS);
        int count = args.getPositiveInt(COUNT);
        int window = args.getInt(WINDOW, 0);
        Duration timeout = ClientRun.timeout(args);
        HelloUsers clients;
        try {
            clients = HelloUsers.connect(address, users, timeout);
        } catch (IllegalStateException e) {
            console.out().println("FAIL: " + e.getMessage());
            return 1;
        }
        try (clients) {
            HelloUsers.Result r = clients.round(count, window == 0 ? count : window,
                    timeout.multipliedBy(Math.max(1, (long) count * users / 1000)));
            if (!r.complete() || r.replies() != users * count) {
                console.out().println("FAIL: users=" + users + " replies=" + r.replies() + " of " + users * count
                        + " errors=" + r.errors() + " closed=" + r.closed() + " servers=" + r.serverList());
                return 1;
            }
            console.out().println("OK users=" + users + " replies=" + r.replies() + " servers=" + r.serverList());
            if (args.flag(STATS)) {
                double seconds = r.elapsedNanos() / 1e9;
                console.out().printf("STATS msgs=%d seconds=%.3f rate=%.0f p50_us=%d p99_us=%d%n", r.replies(), seconds,
                        r.replies() / seconds, r.percentileMicros(0.50), r.percentileMicros(0.99));
            }
            return 0;
        }
    }
}
