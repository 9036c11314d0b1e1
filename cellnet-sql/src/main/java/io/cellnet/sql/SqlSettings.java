package io.cellnet.sql;

import io.cellnet.ReconnectPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A SQL connector's settings, as its builder made them.
 *
 * <p>Thread safety: immutable.
 *
 * @param jdbcUrl        the JDBC URL
 * @param user           the user, or {@code null} for the URL's
 * @param password       the password, or {@code null} for the URL's
 * @param poolSize       connections and worker threads
 * @param queueCapacity  calls that may wait for a worker
 * @param queryTimeout   the helpers' statement timeout
 * @param connectTimeout the longest wait for a connection
 * @param reconnect      when to check again after the start's check failed
 */
record SqlSettings(String jdbcUrl, @Nullable String user, @Nullable String password, int poolSize,
        int queueCapacity, Duration queryTimeout, Duration connectTimeout, ReconnectPolicy reconnect) {
}
