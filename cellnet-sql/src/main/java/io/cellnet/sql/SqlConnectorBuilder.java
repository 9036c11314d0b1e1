package io.cellnet.sql;

import io.cellnet.db.DbPeerBuilder;
import io.cellnet.db.internal.DbPeerCore;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link SqlConnector}; every one has a default but the address. The reconnect policy
 * (Go's optional reconnect; 2 s doubling to 10 s by default) applies to the start's connection
 * check; after its first success, HikariCP replaces broken connections on demand.
 *
 * <p>Thread safety: not thread-safe; use from one thread. {@link #build()} may be called several
 * times, each giving a new, stopped connector.
 */
public final class SqlConnectorBuilder extends DbPeerBuilder<SqlConnectorBuilder> {
    private @Nullable String user;
    private @Nullable String password;
    private int poolSize = 8;
    private int queueCapacity = 1_000;
    private Duration queryTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(5);

    SqlConnectorBuilder() {
        super("sql");
    }

    /** A JDBC URL, or Go's MySQL DSN (converted, see {@link SqlAddress}). */
    @Override
    protected String checkAddress(String address) {
        SqlAddress.parse(address);
        return address;
    }
    /** The user, overriding a DSN's; otherwise the URL's, if any. */
    public SqlConnectorBuilder user(String user) {
        this.user = Objects.requireNonNull(user, "user");
        return this;
    }

    /** The password, overriding a DSN's; otherwise the URL's, if any. */
    public SqlConnectorBuilder password(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    /** Connections in the pool, and worker threads (Go's pool size); 8 by default. */
    public SqlConnectorBuilder poolSize(int poolSize) {
        if (poolSize <= 0) {
            throw new IllegalArgumentException("poolSize must be > 0: " + poolSize);
        }
        this.poolSize = poolSize;
        return this;
    }

    /**
     * Calls that may wait for a free worker; one more is refused with a
     * {@link io.cellnet.db.DbBusyException}. 1 000 by default.
     */
    public SqlConnectorBuilder queueCapacity(int queueCapacity) {
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException("queueCapacity must be > 0: " + queueCapacity);
        }
        this.queueCapacity = queueCapacity;
        return this;
    }

    /**
     * The longest a helper's statement may run ({@code Statement.setQueryTimeout}, whole seconds,
     * rounded up); 30 s by default. {@link SqlConnector#operate} work sets its own.
     */
    public SqlConnectorBuilder queryTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0: " + timeout);
        }
        this.queryTimeout = timeout;
        return this;
    }

    /**
     * The longest a call waits for a connection (HikariCP's {@code connectionTimeout}; at least
     * 250 ms): while the database is down a call fails after this. 5 s by default.
     */
    public SqlConnectorBuilder connectTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 250) {
            throw new IllegalArgumentException("timeout must be >= 250 ms: " + timeout);
        }
        this.connectTimeout = timeout;
        return this;
    }

    /** A new, stopped connector. */
    public SqlConnector build() {
        SqlAddress parsed = SqlAddress.parse(addressValue());
        return new HikariSqlConnector(new DbPeerCore("mysql.Connector", property(), processorBundle()),
                new SqlSettings(parsed.jdbcUrl(), user != null ? user : parsed.user(),
                        password != null ? password : parsed.password(), poolSize, queueCapacity, queryTimeout,
                        connectTimeout, reconnectPolicy()));
    }
}
