package io.cellnet.netty.rpc;

import io.cellnet.ContextSet;
import io.cellnet.PeerProperty;
import io.cellnet.Session;
import io.cellnet.TcpConnector;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

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
 * {@code call}/{@code callSync} wrap the request in a {@link RemoteCallREQ} with a call id and match
 * the {@link RemoteCallACK} by that id; the peer's processor must include {@link RpcHooker}
 * ({@code tcp.ltv} does). {@code callType}/{@code callSyncType} send the request as a plain message
 * and take the next message of the reply class on that session; the peer's processor must include
 * {@link TypeRpcHooker} ({@code tcp.ltv.type}).
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
    private Rpc() {
    }

    /** Sets the options of calls on {@code peerOrSession} (a peer, or one session of it). */
    public static void configure(ContextSet peerOrSession, RpcOptions options) {
        peerOrSession.setContext(RpcOptions.KEY, Objects.requireNonNull(options, "options"));
    }

    /** Calls with {@code request}; the future gets the reply, whatever its class. */
    public static CompletableFuture<Object> call(Session session, Object request, Duration timeout) {
        return Calls.call(session, request, Object.class, timeout);
    }

    /** {@link #call(Session, Object, Duration)} on the connector's session. */
    public static CompletableFuture<Object> call(TcpConnector connector, Object request, Duration timeout) {
        return call(connector.session(), request, timeout);
    }

    /** Calls with {@code request}; the future gets the reply, which must be a {@code replyType}. */
    public static <T> CompletableFuture<T> call(Session session, Object request, Class<T> replyType, Duration timeout) {
        return typed(Calls.call(session, request, replyType, timeout));
    }

    /** {@link #call(Session, Object, Class, Duration)} on the connector's session. */
    public static <T> CompletableFuture<T> call(TcpConnector connector, Object request, Class<T> replyType,
            Duration timeout) {
        return call(connector.session(), request, replyType, timeout);
    }

    /** Go's {@code rpc.Call}: calls with {@code request}; {@code callback} runs on the peer's queue. */
    public static void call(Session session, Object request, Duration timeout, RpcCallback<Object> callback) {
        Calls.whenDone(session, call(session, request, timeout), callback);
    }

    /** {@link #call(Session, Object, Duration, RpcCallback)} on the connector's session. */
    public static void call(TcpConnector connector, Object request, Duration timeout, RpcCallback<Object> callback) {
        call(connector.session(), request, timeout, callback);
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
        return callSync(connector.session(), request, timeout);
    }

    /** {@link #callSync(Session, Object, Duration)} for a reply that must be a {@code replyType}. */
    public static <T> T callSync(Session session, Object request, Class<T> replyType, Duration timeout)
            throws TimeoutException, InterruptedException {
        return Calls.callSync(session, replyType, timeout, () -> Calls.call(session, request, replyType, timeout));
    }

    /** {@link #callSync(Session, Object, Class, Duration)} on the connector's session. */
    public static <T> T callSync(TcpConnector connector, Object request, Class<T> replyType, Duration timeout)
            throws TimeoutException, InterruptedException {
        return callSync(connector.session(), request, replyType, timeout);
    }

    /**
     * Go's {@code rpc.CallType}, asynchronous: sends {@code request} as a plain message; the future
     * gets the next {@code replyType} message on the session (the oldest such call first).
     */
    public static <T> CompletableFuture<T> callType(Session session, Object request, Class<T> replyType,
            Duration timeout) {
        return typed(Calls.callType(session, request, replyType, timeout));
    }

    /** {@link #callType(Session, Object, Class, Duration)} on the connector's session. */
    public static <T> CompletableFuture<T> callType(TcpConnector connector, Object request, Class<T> replyType,
            Duration timeout) {
        return callType(connector.session(), request, replyType, timeout);
    }

    /** Go's {@code rpc.CallType}: as {@link #callType(Session, Object, Class, Duration)}, with a callback on the peer's queue. */
    public static <T> void callType(Session session, Object request, Class<T> replyType, Duration timeout,
            RpcCallback<? super T> callback) {
        Calls.whenDone(session, callType(session, request, replyType, timeout), callback);
    }

    /** {@link #callType(Session, Object, Class, Duration, RpcCallback)} on the connector's session. */
    public static <T> void callType(TcpConnector connector, Object request, Class<T> replyType, Duration timeout,
            RpcCallback<? super T> callback) {
        callType(connector.session(), request, replyType, timeout, callback);
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
        return Calls.callSync(session, replyType, timeout, () -> Calls.callType(session, request, replyType, timeout));
    }

    /** {@link #callSyncType(Session, Object, Class, Duration)} on the connector's session. */
    public static <T> T callSyncType(TcpConnector connector, Object request, Class<T> replyType, Duration timeout)
            throws TimeoutException, InterruptedException {
        return callSyncType(connector.session(), request, replyType, timeout);
    }

    /** The future of a call whose reply was checked to be a {@code T} before completing it. */
    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> typed(CompletableFuture<Object> future) {
        return (CompletableFuture<T>) (CompletableFuture<?>) future;
    }

    static String peerName(Session session) {
        return session.peer() instanceof PeerProperty p ? p.name() : session.peer().typeName();
    }
}
