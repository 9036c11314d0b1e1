package io.cellnet.examples.leaderboard;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SessionConnected;
import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Endpoint;
import io.cellnet.examples.Option;
import io.cellnet.examples.ServerRun;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.examples.leaderboard.LeaderboardMessages.SubmitREQ;
import io.cellnet.examples.leaderboard.LeaderboardMessages.TopREQ;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.redis.RedisConnector;
import io.cellnet.redis.RedisPeers;
import io.cellnet.sql.SqlConnector;
import io.cellnet.sql.SqlPeers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code leaderboard-server}: keeps players' best scores in Redis and SQL and answers
 * {@code leaderboard.SubmitREQ} and {@code leaderboard.TopREQ} over tcp.ltv. While a store is down
 * its clients stay connected and get the store's error; when it is back, requests succeed again.
 *
 * <p>Thread safety: runs on the command's thread; the handlers run on the queue.
 */
public final class LeaderboardServerCommand {
    private static final Duration STORES_WAIT = Duration.ofSeconds(30);
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", "127.0.0.1:17901",
            "where to listen, port 0 for any free port");
    private static final Option REDIS = Option.of("redis", "redis://HOST:PORT", "redis://127.0.0.1:6379",
            "the Redis server (a Redis URI: password and database may be in it)");
    private static final Option JDBC = Option.of("jdbc", "JDBC_URL", "",
            "the SQL database (a JDBC URL with user and password, or Go's DSN)");
    private static final Usage USAGE = Usage.of("leaderboard-server",
            "keeps best scores in Redis (fast path) and SQL (source of truth)",
            "creates its table when missing; prints LISTENING HOST:PORT once bound and both stores answered, "
                    + "then STOPPED submitted=N after SIGTERM (exit 0); FAIL: reason (exit 1) when a store does not "
                    + "answer within 30 s at start", ADDRESS, REDIS, JDBC);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, LeaderboardServerCommand::run);

    private LeaderboardServerCommand() {
    }

    private static int run(Args args, Console console) throws InterruptedException {
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        String jdbc = args.get(JDBC);
        if (jdbc.isEmpty()) {
            throw new IllegalArgumentException("--jdbc is required");
        }
        EventQueue queue = EventQueue.create("leaderboard-server").startLoop();
        RedisConnector redis = null;
        SqlConnector sql = null;
        try {
            AtomicBoolean ready = new AtomicBoolean();
            Leaderboard[] board = new Leaderboard[1];
            redis = RedisPeers.connector().name("leaderboard-redis").address(args.get(REDIS)).queue(queue)
                    .reconnect(ReconnectPolicy.fixed(Duration.ofMillis(500))).commandTimeout(Duration.ofSeconds(2))
                    .callback(ev -> {
                        // Redis may come back empty (or have missed submissions): fill it from SQL.
                        if (ev.message() instanceof SessionConnected && ready.get()) {
                            board[0].syncFromSql();
                        }
                    }).build();
            sql = SqlPeers.connector().name("leaderboard-sql").address(jdbc).queue(queue).poolSize(4)
                    .connectTimeout(Duration.ofSeconds(2)).queryTimeout(Duration.ofSeconds(5))
                    .reconnect(ReconnectPolicy.fixed(Duration.ofMillis(500))).build();
            board[0] = new Leaderboard(redis, sql);
            AtomicLong submitted = new AtomicLong();
            MessageRegistry registry = LeaderboardMessages.registry();
            MessageDispatcher handler = new MessageDispatcher(registry)
                    .on(SubmitREQ.class, (ev, req) -> board[0].submit(req.Player(), req.Score(), ack -> {
                        if (ack.Error().isEmpty()) {
                            submitted.incrementAndGet();
                        }
                        ev.send(ack);
                    }))
                    .on(TopREQ.class, (ev, req) -> board[0].top(req.Count(), ev::send));
            if (!prepared(console, redis, sql, board[0])) {
                return 1;
            }
            ready.set(true);
            Endpoint.Server server = Transport.TCP.acceptor(new Endpoint("leaderboard-server", address, queue, registry,
                    handler));
            return ServerRun.serve(console, queue, List.of(server), () -> "STOPPED submitted=" + submitted.get());
        } catch (RuntimeException | Error e) {
            // Whatever goes wrong is said on the result line, and everything started is stopped.
            console.out().println("FAIL: " + e);
            e.printStackTrace(console.err());
            return 1;
        } finally {
            if (redis != null) {
                redis.close();
            }
            if (sql != null) {
                sql.close();
            }
            queue.close();
        }
    }

    /** Starts both stores and waits, bounded, until they answered; prints FAIL when they did not. */
    private static boolean prepared(Console console, RedisConnector redis, SqlConnector sql, Leaderboard board)
            throws InterruptedException {
        redis.start().join();
        sql.start().join();
        try {
            board.prepare().get(STORES_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            console.out().println("FAIL: the stores did not answer within " + STORES_WAIT.toSeconds() + " s: "
                    + (e instanceof ExecutionException ? e.getCause() : "timed out"));
            return false;
        }
    }
}
