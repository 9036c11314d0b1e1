package io.cellnet.sql;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One call waiting for, or running on, a worker thread: it takes a pooled connection, runs its
 * work, returns the connection and completes its future. A call the pool never ran (the connector
 * stopped) is failed instead.
 *
 * <p>Thread safety: {@link #run} runs once on a worker; {@link #fail} may be called from any thread.
 *
 * @param <T> the work's result
 */
final class SqlCall<T> implements Runnable {
    private final DataSource dataSource;
    private final SqlWork<T> work;
    private final CompletableFuture<T> result;
    private final Consumer<Throwable> onFailure;
    private final Runnable onSuccess;

    SqlCall(DataSource dataSource, SqlWork<T> work, CompletableFuture<T> result, Runnable onSuccess,
            Consumer<Throwable> onFailure) {
        this.dataSource = dataSource;
        this.work = work;
        this.result = result;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
    }

    @Override
    public void run() {
        T value;
        try (Connection c = dataSource.getConnection()) {
            value = work.run(c);
        } catch (Throwable e) {
            onFailure.accept(e);
            result.completeExceptionally(e);
            return;
        }
        onSuccess.run();
        result.complete(value);
    }

    /** Fails a call that will not run. */
    void fail(Throwable cause) {
        result.completeExceptionally(cause);
    }
}
