package io.cellnet.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work on one pooled JDBC connection (the body of Go's {@code Operate}). It runs on a thread of the
 * connector's pool, never on the game loop, so it may block on the database; it must not touch game
 * state, which belongs to the queue. The connection is returned to the pool afterwards.
 *
 * <p>Thread safety: runs on a pool thread; several works run at once, each on its own connection.
 *
 * @param <T> what it produces
 */
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work; what it returns, or throws, is delivered on the queue. */
    T run(Connection connection) throws SQLException;
}
