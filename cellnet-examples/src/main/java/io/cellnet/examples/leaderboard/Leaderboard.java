package io.cellnet.examples.leaderboard;

import io.cellnet.examples.leaderboard.LeaderboardMessages.Entry;
import io.cellnet.examples.leaderboard.LeaderboardMessages.SubmitACK;
import io.cellnet.examples.leaderboard.LeaderboardMessages.TopACK;
import io.cellnet.redis.RedisConnector;
import io.cellnet.sql.SqlConnector;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ZAddArgs;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leaderboard's logic: a submission goes to SQL first (the source of truth, keeping each
 * player's best), then to the Redis sorted set ({@code ZADD GT}); the top list is read from Redis.
 * An empty or stale Redis is filled from SQL at start and after every Redis reconnect. A store that
 * is down makes the request fail with its error; nothing blocks.
 *
 * <p>Thread safety: its methods and every callback run on the server's queue.
 */
final class Leaderboard {
    static final String KEY = "leaderboard:best";
    private static final Logger LOG = LoggerFactory.getLogger(Leaderboard.class);
    private static final String TABLE = "CREATE TABLE IF NOT EXISTS leaderboard_best ("
            + "player VARCHAR(64) NOT NULL PRIMARY KEY, score BIGINT NOT NULL)";
    private static final String UPSERT = "INSERT INTO leaderboard_best (player, score) VALUES (?, ?) "
            + "ON DUPLICATE KEY UPDATE score = GREATEST(score, VALUES(score))";

    private final RedisConnector redis;
    private final SqlConnector sql;

    Leaderboard(RedisConnector redis, SqlConnector sql) {
        this.redis = redis;
        this.sql = sql;
    }

    /** Creates the table when missing, checks Redis, fills it from SQL. */
    CompletableFuture<Void> prepare() {
        return sql.call(c -> {
            try (var st = c.createStatement()) {
                st.execute(TABLE);
            }
            return null;
        }).thenCompose(v -> redis.call(cmd -> cmd.ping())).thenCompose(v -> syncFromSql());
    }

    /** Puts every SQL row into Redis ({@code ZADD GT}: a better score in Redis stays). */
    CompletableFuture<Void> syncFromSql() {
        return sql.call(c -> {
            List<ScoredValue<String>> rows = new java.util.ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT player, score FROM leaderboard_best")) {
                while (rs.next()) {
                    rows.add(ScoredValue.just(rs.getLong(2), rs.getString(1)));
                }
            }
            return rows;
        }).thenCompose(rows -> rows.isEmpty() ? CompletableFuture.completedFuture(0L)
                : redis.call(cmd -> cmd.zadd(KEY, ZAddArgs.Builder.gt(), array(rows))))
                .thenAccept(n -> LOG.info("leaderboard synced from SQL ({} new in Redis)", n));
    }

    // Lettuce's zadd takes a generic varargs array.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ScoredValue<String>[] array(List<ScoredValue<String>> rows) {
        return rows.toArray(new ScoredValue[0]);
    }

    /** Stores a score; {@code reply} gets the answer, with the store's error when one is down. */
    void submit(String player, long score, Consumer<SubmitACK> reply) {
        if (player.isEmpty() || player.length() > 64) {
            reply.accept(new SubmitACK(player, score, "player name must have 1 to 64 characters"));
            return;
        }
        sql.execute(UPSERT, (rows, sqlError) -> {
            if (sqlError != null) {
                reply.accept(new SubmitACK(player, score, "sql: " + sqlError));
                return;
            }
            redis.operate(cmd -> cmd.zadd(KEY, ZAddArgs.Builder.gt(), score, player), (added, redisError) ->
                    reply.accept(new SubmitACK(player, score, redisError == null ? "" : "redis: " + redisError)));
        }, player, score);
    }

    /** The {@code count} best (at most 10), best first. */
    void top(int count, Consumer<TopACK> reply) {
        int n = Math.max(1, Math.min(10, count));
        redis.operate(cmd -> cmd.zrevrangeWithScores(KEY, 0, n - 1), (list, error) -> reply.accept(error != null
                ? new TopACK(List.of(), "redis: " + error)
                : new TopACK(list.stream().map(v -> new Entry(v.getValue(), (long) v.getScore())).toList(), "")));
    }
}
