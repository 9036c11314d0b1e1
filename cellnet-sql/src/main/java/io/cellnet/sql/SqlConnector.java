package io.cellnet.sql;

import io.cellnet.GenericPeer;
import io.cellnet.PeerReadyChecker;
import io.cellnet.db.DbCallback;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Go cellnet's {@code mysql.Connector} on JDBC: a HikariCP pool of {@code poolSize} connections and
 * as many worker threads, with a bounded queue of waiting calls in front of them.
 *
 * <p>The threading rule: game logic never blocks on the database. Every call runs on a worker
 * thread, and its result, or its error, is delivered to its callback on the connector's queue, in
 * the order the calls complete. When every worker is busy and the waiting queue is full, a call is
 * refused at once: its callback gets a {@link io.cellnet.db.DbBusyException}. While the database is
 * down a call fails after the connect timeout, never later.
 *
 * <p>The helpers take SQL text with {@code ?} placeholders and the values apart, and run them as
 * prepared statements with the query timeout, so values never become SQL text:
 *
 * <pre>{@code
 * db.query("SELECT name, score FROM scores WHERE score > ?", RowMapper.toRecord(Score.class),
 *         (rows, err) -> { ... on the queue ... }, 100);
 * }</pre>
 *
 * <p>Events: {@link io.cellnet.SessionConnected} when a connection to the database first works and
 * each time it works again after a connection failure, {@link io.cellnet.SessionClosed} when a call
 * fails because the database cannot be reached, {@link io.cellnet.SessionConnectError} for each
 * failed attempt of the start's connection check.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface SqlConnector extends GenericPeer, PeerReadyChecker {

    /** Runs {@code work} on a pooled connection (Go's {@code Operate}); its outcome goes to {@code callback}. */
    <T> void operate(SqlWork<T> work, DbCallback<? super T> callback);

    /**
     * {@link #operate} as a future: it completes on the queue's thread, so stages chained on it
     * without {@code Async} run there too.
     */
    <T> CompletableFuture<T> call(SqlWork<T> work);

    /** Every row of a query, mapped (Go's {@code Query} with {@code Each} collecting). */
    <T> void query(String sql, RowMapper<T> mapper, DbCallback<? super List<T>> callback, @Nullable Object... params);

    /** The first row of a query, or {@code null} when there is none (Go's {@code One}). */
    <T> void one(String sql, RowMapper<T> mapper, DbCallback<? super T> callback, @Nullable Object... params);

    /**
     * An {@code INSERT}, {@code UPDATE}, {@code DELETE} or DDL statement (Go's {@code Execute}); the
     * result is the number of rows changed.
     */
    void execute(String sql, DbCallback<? super Long> callback, @Nullable Object... params);

    /**
     * Visits the rows of a query on the queue, in order, until the visitor returns {@code false}
     * (Go's {@code Each}); {@code done} then gets the number of rows visited. The rows are read on
     * the pool first, then visited.
     */
    <T> void each(String sql, RowMapper<T> mapper, RowVisitor<? super T> visitor, DbCallback<? super Integer> done,
            @Nullable Object... params);
}
