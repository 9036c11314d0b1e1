package io.cellnet.redis;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.PeerProperty;
import io.cellnet.ProcessorBundle;
import io.cellnet.ReconnectPolicy;
import io.cellnet.db.internal.DbPeerCore;
import io.cellnet.redis.internal.LettuceRedisConnector;
import io.cellnet.redis.internal.RedisSettings;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link RedisConnector}; every one has a default but the address.
 *
 * <p>Thread safety: not thread-safe; use from one thread. {@link #build()} may be called several
 * times, each giving a new, stopped connector.
 */
public final class RedisConnectorBuilder {
    /** Go's radix retry: 2 s doubling to 10 s. */
    static final ReconnectPolicy DEFAULT_RECONNECT = ReconnectPolicy.exponential(Duration.ofSeconds(2),
            Duration.ofSeconds(10), 0);

    private String name = "redis";
    private @Nullable String address;
    private EventQueue queue = EventQueue.direct();
    private ProcessorBundle bundle = DbPeerCore.bundle("redis", EventCallback.NONE);
    private @Nullable String password;
    private int database = -1;
    private ReconnectPolicy reconnect = DEFAULT_RECONNECT;
    private Duration commandTimeout = Duration.ofSeconds(5);
    private DisconnectedCommands whenDisconnected = DisconnectedCommands.WAIT;
    private int maxPending = 10_000;

    RedisConnectorBuilder() {
    }

    /** The name for logs; {@code "redis"} by default. */
    public RedisConnectorBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Where Redis is: Go's {@code host:port}, or a Redis URI
     * ({@code redis://[[user]:password@]host:port[/database]}, {@code rediss://} for TLS).
     */
    public RedisConnectorBuilder address(String address) {
        this.address = Objects.requireNonNull(address, "address");
        return this;
    }

    /** The queue the callbacks and results run on; {@link EventQueue#direct()} by default. */
    public RedisConnectorBuilder queue(EventQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        return this;
    }

    /** The callback of the connection and pub/sub events. */
    public RedisConnectorBuilder callback(EventCallback callback) {
        this.bundle = DbPeerCore.bundle("redis", Objects.requireNonNull(callback, "callback"));
        return this;
    }

    /** The bundle whose hooker and callback get the events (its transmitter is not used). */
    public RedisConnectorBuilder bundle(ProcessorBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        return this;
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

    /**
     * When to try again after a failed first connection or a lost connection; Go's 2 s doubling to
     * 10 s by default. When it gives up, the connector posts {@code SessionConnectError} with
     * {@code willRetry == false} and stops itself.
     */
    public RedisConnectorBuilder reconnect(ReconnectPolicy policy) {
        this.reconnect = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** The longest a command may take, waiting for a reconnect included; 5 s by default. */
    public RedisConnectorBuilder commandTimeout(Duration timeout) {
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
        String a = Objects.requireNonNull(address, "address is required");
        return new LettuceRedisConnector(new DbPeerCore("redix.Connector", PeerProperty.of(name, a, queue), bundle),
                new RedisSettings(a, password, database, reconnect, commandTimeout, whenDisconnected, maxPending));
    }
}
