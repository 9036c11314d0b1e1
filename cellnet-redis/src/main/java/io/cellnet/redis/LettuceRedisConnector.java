package io.cellnet.redis;

import io.cellnet.CloseReason;
import io.cellnet.Session;
import io.cellnet.db.DbBusyException;
import io.cellnet.db.DbCallback;
import io.cellnet.db.internal.DbPeer;
import io.cellnet.db.internal.DbPeerCore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Lettuce {@link RedisConnector}: a {@link RedisClient} with its own client resources (their
 * reconnect delay is the connector's {@link io.cellnet.ReconnectPolicy}), one command connection
 * and, on first subscription, one pub/sub connection. The first connection is attempted by this
 * class (Lettuce does not retry it); later ones by Lettuce's watchdog.
 *
 * <p>Thread safety: every method may be called from any thread; the connections are replaced under
 * this object's lock.
 */
final class LettuceRedisConnector implements RedisConnector, DbPeer {
    private final DbPeerCore core;
    private final RedisSettings settings;
    private final RedisURI uri;
    private @Nullable ClientResources resources;
    private @Nullable RedisClient client;
    private CompletableFuture<StatefulRedisConnection<String, String>> connection = new CompletableFuture<>();
    private @Nullable CompletableFuture<StatefulRedisPubSubConnection<String, String>> pubSub;

    /** A stopped connector. */
    public LettuceRedisConnector(DbPeerCore core, RedisSettings settings) {
        this.core = Objects.requireNonNull(core, "core");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.uri = settings.uri();
        core.bind(this);
    }

    @Override
    public DbPeerCore core() {
        return core;
    }

    @Override
    public CompletableFuture<Void> connect() {
        ClientResources r = ClientResources.builder()
                .reconnectDelay(new PolicyDelay(settings.reconnect(), this::gaveUp))
                .build();
        RedisClient c = RedisClient.create(r, uri);
        c.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(settings.whenDisconnected() == DisconnectedCommands.FAIL_FAST
                        ? ClientOptions.DisconnectedBehavior.REJECT_COMMANDS
                        : ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .requestQueueSize(settings.maxPending())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        synchronized (this) {
            resources = r;
            client = c;
            connection = new CompletableFuture<>();
            pubSub = null;
        }
        attempt(c, 0);
        return CompletableFuture.completedFuture(null);
    }

    private void attempt(RedisClient c, int attempt) {
        c.connectAsync(StringCodec.UTF8, uri).whenComplete((conn, error) -> {
            if (error == null) {
                connected(c, conn);
                return;
            }
            core.attemptFailed(error, attempt, settings.reconnect(), () -> isCurrent(c), next -> attempt(c, next));
        });
    }

    private void connected(RedisClient c, StatefulRedisConnection<String, String> conn) {
        CompletableFuture<StatefulRedisConnection<String, String>> f;
        synchronized (this) {
            if (core.stopping() || client != c) {
                conn.closeAsync();
                return;
            }
            f = connection;
        }
        conn.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress remote) {
                if (!core.stopping()) {
                    core.connected(remote);
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                if (!core.stopping()) {
                    core.closed(CloseReason.IO, null);
                }
            }
        });
        // The connection first, then the event: the commands that waited for it are written before
        // the game sees SessionConnected, so the commands it sends from then on follow them in order.
        f.complete(conn);
        core.connected(null);
    }

    private synchronized boolean isCurrent(RedisClient c) {
        return client == c;
    }

    private void gaveUp(int attempt) {
        if (!core.stopping()) {
            core.connectError(new RedisException("gave up reconnecting to " + uri + " after " + (attempt - 1)
                    + " attempts (reconnect policy)"), attempt, false);
            stop();
        }
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        RedisClient c;
        ClientResources r;
        CompletableFuture<StatefulRedisConnection<String, String>> conn;
        CompletableFuture<StatefulRedisPubSubConnection<String, String>> ps;
        synchronized (this) {
            c = client;
            r = resources;
            conn = connection;
            ps = pubSub;
            client = null;
            resources = null;
            pubSub = null;
        }
        conn.completeExceptionally(new RedisException("connector '" + name() + "' stopped"));
        if (c == null || r == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> closing = CompletableFuture.allOf(closeAsync(conn), closeAsync(ps));
        return closing.handle((v, e) -> null)
                .thenCompose(v -> c.shutdownAsync(0, 2, TimeUnit.SECONDS))
                .thenCompose(v -> {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    r.shutdown(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete(null));
                    return done;
                });
    }

    private static CompletableFuture<Void> closeAsync(
            @Nullable CompletableFuture<? extends io.lettuce.core.api.StatefulConnection<String, String>> f) {
        if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(null);
        }
        return f.join().closeAsync();
    }

    @Override
    public <T> void operate(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> commands,
            DbCallback<? super T> callback) {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(callback, "callback");
        core.deliverWhenDone(send(commands), callback);
    }

    @Override
    public <T> CompletableFuture<T> call(
            Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> commands) {
        Objects.requireNonNull(commands, "commands");
        return core.onQueue(send(commands));
    }

    private <T> CompletionStage<T> send(
            Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> commands) {
        CompletableFuture<StatefulRedisConnection<String, String>> conn;
        synchronized (this) {
            conn = connection;
        }
        if (!conn.isDone()) {
            if (settings.whenDisconnected() == DisconnectedCommands.FAIL_FAST || client == null) {
                return CompletableFuture.failedFuture(new RedisException("connector '" + name()
                        + "' is not connected to " + uri.getHost() + ":" + uri.getPort()));
            }
            // Not connected yet: wait for the first connection, bounded by the command timeout.
            conn = conn.copy().orTimeout(settings.commandTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        return conn.thenCompose(c -> commands.apply(c.async())).exceptionallyCompose(e -> {
            Throwable cause = DbPeerCore.unwrap(e);
            if (cause instanceof RedisException && isQueueFull(cause.getMessage())) {
                return CompletableFuture.failedFuture(new DbBusyException("more than " + settings.maxPending()
                        + " Redis commands are waiting (maxPending)", cause));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** Lettuce's two refusals at {@code requestQueueSize}: while queued, or on the connection's stack. */
    private static boolean isQueueFull(@Nullable String message) {
        return message != null && (message.startsWith("Request queue size exceeded")
                || message.startsWith("Internal stack size exceeded"));
    }

    @Override
    public CompletableFuture<Void> subscribe(String... channels) {
        Objects.requireNonNull(channels, "channels");
        return core.onQueue(pubSub().thenCompose(c -> c.async().subscribe(channels)));
    }

    @Override
    public CompletableFuture<Void> psubscribe(String... patterns) {
        Objects.requireNonNull(patterns, "patterns");
        return core.onQueue(pubSub().thenCompose(c -> c.async().psubscribe(patterns)));
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String... channels) {
        Objects.requireNonNull(channels, "channels");
        return core.onQueue(pubSub().thenCompose(c -> c.async().unsubscribe(channels)));
    }

    private synchronized CompletableFuture<StatefulRedisPubSubConnection<String, String>> pubSub() {
        if (pubSub != null) {
            return pubSub;
        }
        RedisClient c = client;
        if (c == null) {
            return CompletableFuture.failedFuture(new RedisException("connector '" + name() + "' is not started"));
        }
        CompletableFuture<StatefulRedisPubSubConnection<String, String>> f =
                c.connectPubSubAsync(StringCodec.UTF8, uri).toCompletableFuture();
        f.thenAccept(ps -> ps.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                post(new RedisMessage(channel, null, message));
            }

            @Override
            public void message(String pattern, String channel, String message) {
                post(new RedisMessage(channel, pattern, message));
            }
        }));
        // A failed attempt is not kept: the next subscribe tries again.
        f.whenComplete((ps, e) -> {
            if (e != null) {
                synchronized (this) {
                    if (pubSub == f) {
                        pubSub = null;
                    }
                }
            }
        });
        pubSub = f;
        return f;
    }

    private void post(RedisMessage message) {
        Session s = core.session();
        if (s != null) {
            core.post(s, message);
        } else {
            core.post(core.detachedSession(), message);
        }
    }

    @Override
    public String toString() {
        return "RedisConnector{name=" + name() + ", address=" + address() + ", state=" + state() + "}";
    }
}
