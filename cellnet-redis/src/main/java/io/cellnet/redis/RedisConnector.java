package io.cellnet.redis;

import io.cellnet.GenericPeer;
import io.cellnet.PeerReadyChecker;
import io.cellnet.db.DbCallback;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Go cellnet's {@code redix.Connector} on Lettuce: one multiplexed connection to Redis (Lettuce
 * pipelines every command on it, so Go's pool size has no counterpart), re-established after a loss
 * with the connector's {@link io.cellnet.ReconnectPolicy}. Each established connection posts
 * {@link io.cellnet.SessionConnected} (a new session id each time), each loss
 * {@link io.cellnet.SessionClosed}, each failed first connection attempt
 * {@link io.cellnet.SessionConnectError}, to the connector's callback on its queue.
 *
 * <p>The threading rule: game logic never blocks on Redis. {@link #operate} sends commands with
 * Lettuce's async API from the calling thread and delivers the result, or the error, to a callback
 * on the connector's queue, in the order the commands complete (the order they were sent, on one
 * connection). Every command gets a result or an error: while disconnected, per
 * {@link DisconnectedCommands}, bounded by the command timeout; when too many commands are waiting,
 * a {@link io.cellnet.db.DbBusyException} at once.
 *
 * <pre>{@code
 * redis.operate(cmd -> cmd.zadd("board", 42, "ann"), (added, err) -> { ... on the queue ... });
 * redis.call(cmd -> cmd.get("k")).thenAccept(v -> { ... on the queue ... });
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface RedisConnector extends GenericPeer, PeerReadyChecker {

    /**
     * Runs {@code commands} against the connection (Go's {@code Operate}) and delivers the stage it
     * returns to {@code callback} on the queue. {@code commands} runs on the calling thread and must
     * only issue commands (it must not wait for them); an exception it throws is delivered as the
     * error.
     */
    <T> void operate(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> commands,
            DbCallback<? super T> callback);

    /**
     * {@link #operate} as a future: it completes on the queue's thread, so stages chained on it
     * without {@code Async} run there too.
     */
    <T> CompletableFuture<T> call(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> commands);

    /**
     * Subscribes to {@code channels} on a second connection (made on first use, re-subscribed after
     * a reconnect); each message is posted to the callback as a {@link RedisMessage} event. The
     * future completes on the queue once Redis confirmed the subscription.
     */
    CompletableFuture<Void> subscribe(String... channels);

    /** Like {@link #subscribe}, for channel patterns ({@code PSUBSCRIBE}). */
    CompletableFuture<Void> psubscribe(String... patterns);

    /** Ends subscriptions made with {@link #subscribe}. */
    CompletableFuture<Void> unsubscribe(String... channels);
}
