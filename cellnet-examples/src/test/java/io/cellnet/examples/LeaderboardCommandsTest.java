package io.cellnet.examples;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.dbtesting.MariaDbServer;
import io.cellnet.dbtesting.RedisServer;
import io.cellnet.dbtesting.ServerProcess;
import io.cellnet.examples.leaderboard.LeaderboardClientCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * leaderboard-server and leaderboard-client against real redis-server and MariaDB processes: the
 * command lines as the README gives them, a store killed and restarted under a running server.
 */
@ExtendWith(NoLeftoversExtension.class)
class LeaderboardCommandsTest {
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private ServerProcess redis;
    private ServerProcess db;

    @BeforeEach
    void startStores() {
        redis = RedisServer.start();
        db = MariaDbServer.start();
    }

    @AfterEach
    void stopStores() {
        redis.close();
        db.close();
    }

    private InProcess server() {
        return InProcess.start("leaderboard-server", "--address", "127.0.0.1:0", "--redis", RedisServer.uri(redis),
                "--jdbc", MariaDbServer.jdbcUrlWithCredentials(db));
    }

    private static InProcess client(String address, int players, int rounds) throws Exception {
        return InProcess.run("leaderboard-client", "--address", address, "--players", String.valueOf(players),
                "--rounds", String.valueOf(rounds));
    }

    private static InProcess top(String address) throws Exception {
        return InProcess.run("leaderboard-client", "--address", address, "--top");
    }

    /** The ten best of what {@code players} x {@code rounds} submit, as the client prints them. */
    private static String expectedTop(int players, int rounds) {
        List<String[]> best = new ArrayList<>();
        for (int p = 1; p <= players; p++) {
            long max = 0;
            for (int r = 1; r <= rounds; r++) {
                max = Math.max(max, LeaderboardClientCommand.score(p, r));
            }
            best.add(new String[] {"player-" + p, String.valueOf(max)});
        }
        return best.stream()
                .sorted(Comparator.<String[]>comparingLong(e -> Long.parseLong(e[1])).reversed()
                        .thenComparing(Comparator.<String[], String>comparing(e -> e[0]).reversed()))
                .limit(10).map(e -> e[0] + ":" + e[1]).collect(Collectors.joining(","));
    }

    private static String lastLine(InProcess p) {
        List<String> lines = p.out.lines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void scoresAreStoredAndTheServerRidesOutEachStoreGoingDown() throws Exception {
        String best = expectedTop(12, 5);
        try (InProcess server = server()) {
            String address = server.listening();
            InProcess ok = client(address, 12, 5).assertExit(0);
            assertEquals("OK players=12 scores=60 top=" + best, lastLine(ok));
            assertEquals("TOP " + best, lastLine(top(address).assertExit(0)));

            // Redis down: every submission is answered with Redis's error, the client fails in time.
            redis.kill();
            InProcess down = client(address, 3, 2).assertExit(1);
            assertTrue(lastLine(down).startsWith("FAIL") && lastLine(down).contains("redis:"), down.out::text);
            assertTrue(lastLine(top(address).assertExit(1)).startsWith("FAIL: redis:"));

            // Back, and empty: the server refills it from SQL without a restart.
            redis.start();
            await("the top list after Redis is back").atMost(RECOVERY)
                    .until(() -> lastLine(top(address)).equals("TOP " + best));
            assertEquals("OK players=12 scores=60 top=" + best, lastLine(client(address, 12, 5).assertExit(0)));

            // SQL down: submissions fail with its error; the top list (Redis) still answers.
            db.kill();
            InProcess sqlDown = client(address, 2, 1).assertExit(1);
            assertTrue(lastLine(sqlDown).startsWith("FAIL") && lastLine(sqlDown).contains("sql:"), sqlDown.out::text);
            assertEquals("TOP " + best, lastLine(top(address).assertExit(0)));
            db.start();
            await("submissions after MariaDB is back").atMost(RECOVERY)
                    .until(() -> client(address, 12, 5).exitCode() == 0);

            server.stop();
            server.assertExit(0);
            assertTrue(lastLine(server).matches("STOPPED submitted=\\d+"), server.out::text);
        }
    }

    @Test
    void atStartAnEmptyRedisIsRebuiltFromSql() throws Exception {
        String best = expectedTop(4, 3);
        try (InProcess server = server()) {
            client(server.listening(), 4, 3).assertExit(0);
            server.stop();
            server.assertExit(0);
        }
        redis.kill();
        redis.start();
        try (InProcess server = server()) {
            assertEquals("TOP " + best, lastLine(top(server.listening()).assertExit(0)));
        }
    }
}
