package io.cellnet.examples.leaderboard;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Endpoint;
import io.cellnet.examples.Option;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.examples.leaderboard.LeaderboardMessages.Entry;
import io.cellnet.examples.leaderboard.LeaderboardMessages.SubmitACK;
import io.cellnet.examples.leaderboard.LeaderboardMessages.SubmitREQ;
import io.cellnet.examples.leaderboard.LeaderboardMessages.TopACK;
import io.cellnet.examples.leaderboard.LeaderboardMessages.TopREQ;
import io.cellnet.proc.MessageDispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code leaderboard-client}: P connections each submit R scores ({@code player-1} ... {@code player-P}),
 * then checks the top list against the best scores it sent; or, with {@code --top}, prints the top
 * list.
 *
 * <p>Thread safety: runs on the command's thread; the handlers run on the client's queue.
 */
public final class LeaderboardClientCommand {
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", "127.0.0.1:17901", "the server");
    private static final Option PLAYERS = Option.of("players", "P", "10", "connections, one player each");
    private static final Option ROUNDS = Option.of("rounds", "R", "10", "scores each player submits");
    private static final Option TOP = Option.flag("top", "print the top list and exit");
    private static final Option TIMEOUT = Option.of("timeout-ms", "MS", "25000",
            "longest run; a store that is down makes the server answer errors well before");
    private static final Usage USAGE = Usage.of("leaderboard-client", "submits scores and checks the top list",
            "prints OK players=P scores=N top=name:score,... (exit 0) when every submission was acknowledged and "
                    + "the top list matches the best scores sent; with --top prints TOP name:score,... (exit 0); "
                    + "otherwise FAIL ... with the errors received (exit 1)", ADDRESS, PLAYERS, ROUNDS, TOP, TIMEOUT);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, LeaderboardClientCommand::run);

    private LeaderboardClientCommand() {
    }

    /** The score player {@code p} submits in round {@code r}: spread out, the same in every run. */
    public static long score(int p, int r) {
        return Math.floorMod((p * 7_919L + r * 104_729L) * 2_654_435_761L, 1_000_000L);
    }

    private static int run(Args args, Console console) throws Exception {
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        Duration timeout = Duration.ofMillis(args.getPositiveInt(TIMEOUT));
        boolean top = args.flag(TOP);
        if (top) {
            args.refuse("--top", PLAYERS, ROUNDS);
        }
        int players = top ? 1 : args.getPositiveInt(PLAYERS);
        int rounds = top ? 0 : args.getPositiveInt(ROUNDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        MessageRegistry registry = LeaderboardMessages.registry();
        Set<String> errors = new LinkedHashSet<>();
        Map<String, Long> bestSent = new HashMap<>();
        CompletableFuture<Void> allAcked = new CompletableFuture<>();
        CompletableFuture<TopACK> topAck = new CompletableFuture<>();
        int[] answers = {0};
        int[] acked = {0};
        List<Endpoint.Client> clients = new ArrayList<>();
        try (EventQueue queue = EventQueue.create("leaderboard-client").startLoop()) {
            try {
                for (int p = 1; p <= players; p++) {
                    int player = p;
                    String name = "player-" + p;
                    MessageDispatcher handler = new MessageDispatcher(registry)
                            .on(SessionConnected.class, (ev, m) -> {
                                if (top) {
                                    ev.send(new TopREQ(10));
                                    return;
                                }
                                for (int r = 1; r <= rounds; r++) {
                                    ev.send(new SubmitREQ(name, score(player, r)));
                                }
                            })
                            .on(SubmitACK.class, (ev, ack) -> {
                                if (ack.Error().isEmpty()) {
                                    acked[0]++;
                                    bestSent.merge(ack.Player(), ack.Score(), Math::max);
                                } else {
                                    errors.add(ack.Error());
                                }
                                if (++answers[0] == players * rounds) {
                                    allAcked.complete(null);
                                }
                            })
                            .on(TopACK.class, (ev, ack) -> topAck.complete(ack))
                            .on(SessionConnectError.class, (ev, m) -> fail(allAcked, topAck, "cannot connect to "
                                    + address + ": " + m.cause()))
                            .on(SessionClosed.class, (ev, m) -> fail(allAcked, topAck, "connection to " + address
                                    + " closed"));
                    Endpoint.Client client = Transport.TCP.connector(new Endpoint(name, address, queue, registry,
                            handler));
                    clients.add(client);
                    client.peer().start();
                }
                if (top) {
                    TopACK ack = await(topAck, deadline);
                    if (!ack.Error().isEmpty()) {
                        console.out().println("FAIL: " + ack.Error());
                        return 1;
                    }
                    console.out().println("TOP " + join(ack.Entries()));
                    return 0;
                }
                await(allAcked, deadline);
                int sent = players * rounds;
                if (!errors.isEmpty() || acked[0] != sent) {
                    console.out().println("FAIL acked=" + acked[0] + "/" + sent + " errors: " + String.join("; ", errors));
                    return 1;
                }
                clients.get(0).session().get().send(new TopREQ(10));
                TopACK ack = await(topAck, deadline);
                if (!ack.Error().isEmpty()) {
                    console.out().println("FAIL top list: " + ack.Error());
                    return 1;
                }
                String mismatch = check(ack.Entries(), bestSent);
                if (!mismatch.isEmpty()) {
                    console.out().println("FAIL top list " + join(ack.Entries()) + ": " + mismatch);
                    return 1;
                }
                console.out().println("OK players=" + players + " scores=" + acked[0] + " top=" + join(ack.Entries()));
                return 0;
            } catch (TimeoutException e) {
                console.out().println("FAIL: no answer within " + timeout.toMillis() + " ms"
                        + (errors.isEmpty() ? "" : "; errors: " + String.join("; ", errors)));
                return 1;
            } catch (ExecutionException e) {
                console.out().println("FAIL: " + e.getCause().getMessage()
                        + (errors.isEmpty() ? "" : "; errors: " + String.join("; ", errors)));
                return 1;
            } finally {
                clients.forEach(c -> c.peer().close());
            }
        }
    }

    /**
     * Empty when {@code top} is right: our players in it have the best score we sent, in the order
     * of those scores (ties by name, descending, as Redis orders them), and none of our players that
     * belongs in it is missing.
     */
    static String check(List<Entry> top, Map<String, Long> bestSent) {
        List<Entry> expected = bestSent.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Entry::Score).reversed()
                        .thenComparing(Comparator.comparing(Entry::Player).reversed()))
                .limit(10).toList();
        List<Entry> ours = top.stream().filter(e -> bestSent.containsKey(e.Player())).toList();
        if (top.size() < expected.size()) {
            return "expected at least " + expected.size() + " entries";
        }
        if (!ours.equals(expected.subList(0, Math.min(ours.size(), expected.size())))) {
            return "expected " + join(expected);
        }
        if (ours.size() < expected.size() && top.size() < 10) {
            return "missing " + join(expected.subList(ours.size(), expected.size()));
        }
        return "";
    }

    private static String join(List<Entry> entries) {
        return entries.stream().map(Entry::toString).collect(Collectors.joining(","));
    }

    private static void fail(CompletableFuture<Void> allAcked, CompletableFuture<TopACK> top, String why) {
        IllegalStateException e = new IllegalStateException(why);
        allAcked.completeExceptionally(e);
        top.completeExceptionally(e);
    }

    private static <T> T await(CompletableFuture<T> f, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
