package io.cellnet.sql;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.PeerProperty;
import io.cellnet.ProcessorBundle;
import io.cellnet.ReconnectPolicy;
import io.cellnet.db.internal.DbPeerCore;
import io.cellnet.sql.internal.HikariSqlConnector;
import io.cellnet.sql.internal.SqlSettings;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link SqlConnector}; every one has a default but the address.
 *
 * <p>Thread safety: not thread-safe; use from one thread. {@link #build()} may be called several
 * times, each giving a new, stopped connector.
 */
public final class SqlConnectorBuilder {
    private String name = "sql";
    private @Nullable String address;
    private EventQueue queue = EventQueue.direct();
    private ProcessorBundle bundle = DbPeerCore.bundle("sql", EventCallback.NONE);
    private @Nullable String user;
    private @Nullable String password;
    private int poolSize = 8;
    private int queueCapacity = 1_000;
    private Duration queryTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private ReconnectPolicy reconnect = ReconnectPolicy.exponential(Duration.ofSeconds(2), Duration.ofSeconds(10), 0);

    SqlConnectorBuilder() {
    }

    /** The name for logs and the pool's threads; {@code "sql"} by default. */
    public SqlConnectorBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** A JDBC URL, or Go's MySQL DSN (converted, see {@link SqlAddress}). */
    public SqlConnectorBuilder address(String address) {
        SqlAddress.parse(address);
        this.address = address;
        return this;
    }

    /** The queue the callbacks and results run on; {@link EventQueue#direct()} by default. */
    public SqlConnectorBuilder queue(EventQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        return this;
    }

    /** The callback of the connection events. */
    public SqlConnectorBuilder callback(EventCallback callback) {
        this.bundle = DbPeerCore.bundle("sql", Objects.requireNonNull(callback, "callback"));
        return this;
    }

    /** The bundle whose hooker and callback get the events (its transmitter is not used). */
    public SqlConnectorBuilder bundle(ProcessorBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        return this;
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
        if (timeout.toMillis() < 250) {
            throw new IllegalArgumentException("timeout must be >= 250 ms: " + timeout);
        }
        this.connectTimeout = timeout;
        return this;
    }

    /**
     * When to check the connection again after the start's check failed (Go's optional
     * reconnect); 2 s doubling to 10 s by default. When it gives up, the connector posts
     * {@code SessionConnectError} with {@code willRetry == false} and stops itself. After the
     * first success, HikariCP replaces broken connections on demand.
     */
    public SqlConnectorBuilder reconnect(ReconnectPolicy policy) {
        this.reconnect = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** A new, stopped connector. */
    public SqlConnector build() {
        String a = Objects.requireNonNull(address, "address is required");
        SqlAddress parsed = SqlAddress.parse(a);
        return new HikariSqlConnector(new DbPeerCore("mysql.Connector", PeerProperty.of(name, a, queue), bundle),
                new SqlSettings(parsed.jdbcUrl(), user != null ? user : parsed.user(),
                        password != null ? password : parsed.password(), poolSize, queueCapacity, queryTimeout,
                        connectTimeout, reconnect));
    }
}
