package io.cellnet.rpc;

import io.cellnet.ContextSet;
import io.cellnet.EventQueue;
import io.cellnet.PeerProperty;
import io.cellnet.Session;
import io.cellnet.TcpConnector;
import io.cellnet.internal.SingleService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Go cellnet's RPC ({@code rpc.Call}, {@code rpc.CallSync}, {@code rpc.CallType},
 * {@code rpc.CallSyncType}) on a session or on a connector's session.
 *
 * <pre>{@code
 * // server: the handler sees the inner message; reply() answers with the same call id
 * callback = ev -> { if (ev.message() instanceof Login req) ev.reply(new LoginAck(...)); };
 * // client
 * Rpc.call(connector, new Login(...), LoginAck.class, Duration.ofSeconds(5))
 *    .thenAcceptAsync(ack -> ..., queue);
 * LoginAck ack = Rpc.callSync(connector, new Login(...), LoginAck.class, Duration.ofSeconds(5));
 * }</pre>
 *
 * <h2>Calls</h2>
 * {@code call}/{@code callSync} wrap the request in an envelope ({@code rpc.RemoteCallREQ}) with a
 * call id and match the answer ({@code rpc.RemoteCallACK}) by that id; the peer's processor must
 * include cellnet-netty's {@code RpcHooker} ({@code tcp.ltv} does). {@code callType}/{@code callSyncType}
 * send the request as a plain message and take the next message of the reply class on that
 * session; the peer's processor must include {@code TypeRpcHooker} ({@code tcp.ltv.type}).
 *
 * <p>This class is the API: it checks the arguments and waits; the calls themselves are made by
 * the {@link RpcProvider} found through {@link java.util.ServiceLoader} (cellnet-netty's). Without
 * one, every call fails with an {@link IllegalStateException} naming the artifact to add.
 *
 * <h2>Outcomes</h2>
 * A call completes with the reply, or fails with a {@link TimeoutException} after its timeout, or
 * with an {@link RpcException} at once when the session is closed or not connected, when the
 * session already has {@link RpcOptions#maxPendingCalls()} calls waiting, when the session closes
 * while the call waits, or when the reply cannot be decoded or is of another class. Futures
 * complete on the thread that settles them (the session's I/O thread for an answer): do not block
 * in their dependent stages, or use the {@code *Async} stages with the peer's queue. The callback
 * forms run the callback on the peer's event queue.
 *
 * <p>Thread safety: every method may be called from any thread; the blocking forms refuse Netty
 * I/O threads with an {@link IllegalStateException}.
 */
public final class Rpc {
    static final Logger log = LoggerFactory.getLogger("cellnet.rpc");
    private static final SingleService<RpcProvider> PROVIDER = new SingleService<>(RpcProvider.class,
            "cellnet-netty (io.cellnet:cellnet-netty)");

    private Rpc() {
    }

    /** Sets the options of calls on {@code peerOrSession} (a peer, or one session of it). */
    public static void configure(ContextSet peerOrSession, RpcOptions options) {
        Objects.requireNonNull(peerOrSession, "peerOrSession");
        peerOrSession.setContext(RpcOptions.KEY, Objects.requireNonNull(options, "options"));
    }

    /** Calls with {@code request}; the future gets the reply, whatever its class. */
    public static CompletableFuture<Object> call(Session session, Object request, Duration timeout) {
        return start(session, request, Object.class, timeout, false);
    }

    /** {@link #call(Session, Object, Duration)} on the connector's session. */
    public static CompletableFuture<Object> call(TcpConnector connector, Object request, Duration timeout) {
        return call(sessionOf(connector), request, timeout);
    }

    /** Calls with {@code request}; the future gets the reply, which must be a {@code replyType}. */
    public static <T> CompletableFuture<T> call(Session session, Object request, Class<T> replyType, Duration timeout) {
        return typed(start(session, request, replyType, timeout, false));
    }

    /** {@link #call(Session, Object, Class, Duration)} on the connector's session. */
    public static <T> CompletableFuture<T> call(TcpConnector connector, Object request, Class<T> replyType,
            Duration timeout) {
        return call(sessionOf(connector), request, replyType, timeout);
    }

    /** Go's {@code rpc.Call}: calls with {@code request}; {@code callback} runs on the peer's queue. */
    public static void call(Session session, Object request, Duration timeout, RpcCallback<Object> callback) {
        Objects.requireNonNull(callback, "callback");
        whenDone(session, call(session, request, timeout), callback);
    }

    /** {@link #call(Session, Object, Duration, RpcCallback)} on the connector's session. */
    public static void call(TcpConnector connector, Object request, Duration timeout, RpcCallback<Object> callback) {
        call(sessionOf(connector), request, timeout, callback);
    }

    /**
     * Go's {@code rpc.CallSync}: calls with {@code request} and waits for the reply, at most
     * {@code timeout}. Allowed on the peer's queue thread (answers are matched on the I/O thread).
     *
     * @throws TimeoutException      when no reply came in time
     * @throws RpcException          when the call failed otherwise
     * @throws IllegalStateException on a Netty I/O thread
     */
    public static Object callSync(Session session, Object request, Duration timeout)
            throws TimeoutException, InterruptedException {
        return callSync(session, request, Object.class, timeout);
    }

    /** {@link #callSync(Session, Object, Duration)} on the connector's session. */
    public static Object callSync(TcpConnector connector, Object request, Duration timeout)
            throws TimeoutException, InterruptedException {
        return callSync(sessionOf(connector), request, timeout);
    }

    /** {@link #callSync(Session, Object, Duration)} for a reply that must be a {@code replyType}. */
    public static <T> T callSync(Session session, Object request, Class<T> replyType, Duration timeout)
            throws TimeoutException, InterruptedException {
        return callSync(session, request, replyType, timeout, false);
    }

    /** {@link #callSync(Session, Object, Class, Duration)} on the connector's session. */
    public static <T> T callSync(TcpConnector connector, Object request, Class<T> replyType, Duration timeout)
            throws TimeoutException, InterruptedException {
        return callSync(sessionOf(connector), request, replyType, timeout);
    }

    /**
     * Go's {@code rpc.CallType}, asynchronous: sends {@code request} as a plain message; the future
     * gets the next {@code replyType} message on the session (the oldest such call first).
     */
    public static <T> CompletableFuture<T> callType(Session session, Object request, Class<T> replyType,
            Duration timeout) {
        return typed(start(session, request, replyType, timeout, true));
    }

    /** {@link #callType(Session, Object, Class, Duration)} on the connector's session. */
    public static <T> CompletableFuture<T> callType(TcpConnector connector, Object request, Class<T> replyType,
            Duration timeout) {
        return callType(sessionOf(connector), request, replyType, timeout);
    }

    /** Go's {@code rpc.CallType}: as {@link #callType(Session, Object, Class, Duration)}, with a callback on the peer's queue. */
    public static <T> void callType(Session session, Object request, Class<T> replyType, Duration timeout,
            RpcCallback<? super T> callback) {
        Objects.requireNonNull(callback, "callback");
        whenDone(session, callType(session, request, replyType, timeout), callback);
    }

    /** {@link #callType(Session, Object, Class, Duration, RpcCallback)} on the connector's session. */
    public static <T> void callType(TcpConnector connector, Object request, Class<T> replyType, Duration timeout,
            RpcCallback<? super T> callback) {
        callType(sessionOf(connector), request, replyType, timeout, callback);
    }

    /**
     * Go's {@code rpc.CallSyncType}: sends {@code request} as a plain message and waits for the next
     * {@code replyType} message on the session, at most {@code timeout}.
     *
     * @throws TimeoutException      when no reply came in time
     * @throws RpcException          when the call failed otherwise
     * @throws IllegalStateException on a Netty I/O thread
     */
    public static <T> T callSyncType(Session session, Object request, Class<T> replyType, Duration timeout)
            throws TimeoutException, InterruptedException {
        return callSync(session, request, replyType, timeout, true);
    }

    /** {@link #callSyncType(Session, Object, Class, Duration)} on the connector's session. */
    public static <T> T callSyncType(TcpConnector connector, Object request, Class<T> replyType, Duration timeout)
            throws TimeoutException, InterruptedException {
        return callSyncType(sessionOf(connector), request, replyType, timeout);
    }

    /** The future of a call whose reply was checked to be a {@code T} before completing it. */
    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> typed(CompletableFuture<Object> future) {
        return (CompletableFuture<T>) (CompletableFuture<?>) future;
    }

    /** The implementation; fails when none is on the class path. */
    static RpcProvider provider() {
        return PROVIDER.get();
    }

    private static Session sessionOf(TcpConnector connector) {
        return Objects.requireNonNull(connector, "connector").session();
    }

    private static CompletableFuture<Object> start(Session session, Object request, Class<?> replyType,
            Duration timeout, boolean typedCall) {
        check(session, request, replyType, timeout);
        RpcProvider p = provider();
        return typedCall ? p.callType(session, request, replyType, timeout)
                : p.call(session, request, replyType, timeout);
    }

    private static void check(Session session, Object request, Class<?> replyType, Duration timeout) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(replyType, "replyType");
        if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * Refuses threads that must not block, then starts a call and waits for its reply, at most
     * {@code timeout}: the blocking forms of {@link #call} and {@link #callType}.
     */
    private static <T> T callSync(Session session, Object request, Class<T> replyType, Duration timeout,
            boolean typedCall) throws TimeoutException, InterruptedException {
        check(session, request, replyType, timeout);
        provider().checkMayBlock(session);
        return replyType.cast(await(() -> start(session, request, replyType, timeout, typedCall), timeout));
    }

    /**
     * Waits for the call {@code start} makes, at most {@code timeout}, on a thread that may block.
     *
     * @throws TimeoutException when no answer came in time
     * @throws RpcException     when the call failed otherwise
     */
    private static Object await(Supplier<CompletableFuture<Object>> start, Duration timeout)
            throws TimeoutException, InterruptedException {
        CompletableFuture<Object> future = start.get();
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.completeExceptionally(new TimeoutException("rpc call timed out after " + timeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(@Nullable Throwable cause) throws TimeoutException {
        if (cause instanceof TimeoutException t) {
            throw t;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return cause instanceof RuntimeException r ? r : new CompletionException(cause);
    }

    /** Hands the outcome of {@code future} to {@code callback} on the queue of {@code session}'s peer. */
    private static <T> void whenDone(Session session, CompletableFuture<T> future, RpcCallback<? super T> callback) {
        EventQueue queue = session.peer() instanceof PeerProperty p ? p.queue() : EventQueue.direct();
        future.whenComplete((reply, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (!queue.post(() -> callback.onResult(cause == null ? reply : null, cause))) {
                log.warn("event queue '{}' refused the outcome of an rpc call on session {}", queue.name(),
                        session.id());
            }
        });
    }
}
