package io.cellnet.redis;

import io.cellnet.db.DbPeerBuilder;
import io.cellnet.db.internal.DbPeerCore;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link RedisConnector}; every one has a default but the address. The reconnect
 * policy (Go's 2 s doubling to 10 s by default) applies to the first connection and to reconnects.
 *
 * <p>Thread safety: not thread-safe; use from one thread. {@link #build()} may be called several
 * times, each giving a new, stopped connector.
 */
public final class RedisConnectorBuilder extends DbPeerBuilder<RedisConnectorBuilder> {
    private @Nullable String password;
    private int database = -1;
    private Duration commandTimeout = Duration.ofSeconds(5);
    private DisconnectedCommands whenDisconnected = DisconnectedCommands.WAIT;
    private int maxPending = 10_000;

    RedisConnectorBuilder() {
        super("redis");
    }

    /**
     * Go's {@code host:port}, or a Redis URI ({@code redis://[[user]:password@]host:port[/database]},
     * {@code rediss://} for TLS).
     */
    @Override
    protected String checkAddress(String address) {
        return address;
    }
    /** The password ({@code AUTH}), overriding one in the address; none by default. */
    public RedisConnectorBuilder password(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    /** The database index ({@code SELECT}), overriding one in the address; 0 by default. */
    public RedisConnectorBuilder database(int database) {
        if (database < 0) {
            throw new IllegalArgumentException("database must be >= 0: " + database);
        }
        this.database = database;
        return this;
    }

    /** The longest a command may take, waiting for a reconnect included; 5 s by default. */
    public RedisConnectorBuilder commandTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0: " + timeout);
        }
        this.commandTimeout = timeout;
        return this;
    }

    /** What commands do while disconnected; {@link DisconnectedCommands#WAIT} by default. */
    public RedisConnectorBuilder whenDisconnected(DisconnectedCommands policy) {
        this.whenDisconnected = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * The most commands that may wait for their answer (or for a reconnect) at a time; one more is
     * refused with a {@link io.cellnet.db.DbBusyException}. 10 000 by default.
     */
    public RedisConnectorBuilder maxPending(int maxPending) {
        if (maxPending <= 0) {
            throw new IllegalArgumentException("maxPending must be > 0: " + maxPending);
        }
        this.maxPending = maxPending;
        return this;
    }

    /** A new, stopped connector. */
    public RedisConnector build() {
        return new LettuceRedisConnector(new DbPeerCore("redix.Connector", property(), processorBundle()),
                new RedisSettings(addressValue(), password, database, reconnectPolicy(), commandTimeout,
                        whenDisconnected, maxPending));
    }
}
