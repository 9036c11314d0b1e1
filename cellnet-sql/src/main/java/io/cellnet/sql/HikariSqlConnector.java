package io.cellnet.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cellnet.CloseReason;
import io.cellnet.db.DbBusyException;
import io.cellnet.db.DbCallback;
import io.cellnet.db.internal.DbPeer;
import io.cellnet.db.internal.DbPeerCore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The HikariCP {@link SqlConnector}: a pool of {@code poolSize} connections, as many worker threads
 * behind a bounded queue, and a connection check at start retried with the reconnect policy.
 *
 * <p>Thread safety: every method may be called from any thread; the pool and its workers are
 * replaced under this object's lock.
 */
final class HikariSqlConnector implements SqlConnector, DbPeer {
    private final DbPeerCore core;
    private final SqlSettings settings;
    private @Nullable HikariDataSource dataSource;
    private @Nullable ThreadPoolExecutor workers;

    /** A stopped connector. */
    public HikariSqlConnector(DbPeerCore core, SqlSettings settings) {
        this.core = Objects.requireNonNull(core, "core");
        this.settings = Objects.requireNonNull(settings, "settings");
        core.bind(this);
    }

    @Override
    public DbPeerCore core() {
        return core;
    }

    @Override
    public CompletableFuture<Void> connect() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setValidationTimeout(Math.min(settings.connectTimeout().toMillis(), 5_000));
        config.setInitializationFailTimeout(-1);
        config.setPoolName("cellnet-sql-" + name());
        HikariDataSource ds = new HikariDataSource(config);
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.poolSize(), settings.poolSize(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.queueCapacity()), r -> {
                    Thread t = new Thread(r, "sql-" + name() + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        synchronized (this) {
            dataSource = ds;
            workers = pool;
        }
        check(ds, 0);
        return CompletableFuture.completedFuture(null);
    }

    /** The start's connection check, attempt {@code attempt}. */
    private void check(HikariDataSource ds, int attempt) {
        run(c -> c.isValid((int) Math.max(1, settings.connectTimeout().toSeconds()))).whenComplete((valid, error) -> {
            Throwable cause = error != null ? DbPeerCore.unwrap(error)
                    : Boolean.TRUE.equals(valid) ? null : new SQLException("connection check failed");
            if (cause != null) {
                core.attemptFailed(cause, attempt, settings.reconnect(), () -> isCurrent(ds), next -> check(ds, next));
            }
        });
    }

    private synchronized boolean isCurrent(HikariDataSource ds) {
        return dataSource == ds;
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        HikariDataSource ds;
        ThreadPoolExecutor pool;
        synchronized (this) {
            ds = dataSource;
            pool = workers;
            dataSource = null;
            workers = null;
        }
        if (ds == null || pool == null) {
            return CompletableFuture.completedFuture(null);
        }
        for (Runnable waiting : pool.shutdownNow()) {
            ((SqlCall<?>) waiting).fail(new RejectedExecutionException("connector '" + name() + "' stopped"));
        }
        // Closing the pool can wait for connections in use: off the caller's thread.
        return CompletableFuture.runAsync(ds::close, CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS));
    }

    /** Runs {@code work} on a worker; the future completes on that worker (or at once when refused). */
    private <T> CompletableFuture<T> run(SqlWork<T> work) {
        HikariDataSource ds;
        ThreadPoolExecutor pool;
        synchronized (this) {
            ds = dataSource;
            pool = workers;
        }
        if (ds == null || pool == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("connector '" + name() + "' is not started"));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(new SqlCall<>(ds, work, result, this::up, this::maybeDown));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(pool.isShutdown() ? e : new DbBusyException("all " + settings.poolSize()
                    + " connections are busy and " + settings.queueCapacity() + " calls are waiting", e));
        }
        return result;
    }

    private synchronized void up() {
        if (!core.isConnected() && !core.stopping()) {
            core.connected(null);
        }
    }

    private synchronized void maybeDown(Throwable error) {
        if (isConnectionFailure(error) && !core.stopping()) {
            core.closed(CloseReason.IO, error);
        }
    }

    private static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> void operate(SqlWork<T> work, DbCallback<? super T> callback) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(callback, "callback");
        core.deliverWhenDone(run(work), callback);
    }

    @Override
    public <T> CompletableFuture<T> call(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        return core.onQueue(run(work));
    }

    @Override
    public <T> void query(String sql, RowMapper<T> mapper, DbCallback<? super List<T>> callback,
            @Nullable Object... params) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(params, "params");
        operate(c -> rows(c, sql, mapper, Integer.MAX_VALUE, params), callback);
    }

    @Override
    public <T> void one(String sql, RowMapper<T> mapper, DbCallback<? super T> callback, @Nullable Object... params) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(params, "params");
        operate(c -> {
            List<T> rows = rows(c, sql, mapper, 1, params);
            return rows.isEmpty() ? null : rows.get(0);
        }, callback);
    }

    @Override
    public void execute(String sql, DbCallback<? super Long> callback, @Nullable Object... params) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(params, "params");
        operate(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeLargeUpdate();
            }
        }, callback);
    }

    @Override
    public <T> void each(String sql, RowMapper<T> mapper, RowVisitor<? super T> visitor, DbCallback<? super Integer> done,
            @Nullable Object... params) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(params, "params");
        operate(c -> rows(c, sql, mapper, Integer.MAX_VALUE, params), (List<T> rows, Throwable error) -> {
            if (error != null || rows == null) {
                done.onResult(null, error);
                return;
            }
            int visited = 0;
            for (T row : rows) {
                visited++;
                if (!visitor.visit(row)) {
                    break;
                }
            }
            done.onResult(visited, null);
        });
    }

    private <T> List<T> rows(Connection c, String sql, RowMapper<T> mapper, int max, @Nullable Object[] params)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            if (max < Integer.MAX_VALUE) {
                ps.setMaxRows(max);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(mapper.map(rs));
                }
                return list;
            }
        }
    }

    private PreparedStatement prepare(Connection c, String sql, @Nullable Object[] params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(Objects.requireNonNull(sql, "sql"));
        try {
            long millis = settings.queryTimeout().toMillis();
            ps.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "SqlConnector{name=" + name() + ", url=" + settings.jdbcUrl() + ", state=" + state() + "}";
    }
}
