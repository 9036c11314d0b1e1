package io.cellnet.netty.rpc;

import io.cellnet.EventQueue;
import io.cellnet.PeerProperty;
import io.cellnet.RawPacket;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.internal.LoopThreads;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link Rpc}'s entry points do: start a call (envelope or typed), wait for it, or hand its
 * outcome to a callback on the peer's queue.
 *
 * <p>Thread safety: stateless; every method may be called from any thread, except that the
 * blocking wait refuses I/O threads.
 */
final class Calls {
    static final Logger log = LoggerFactory.getLogger("cellnet.rpc");

    private Calls() {
    }

    /** Sends {@code request} in a {@link RemoteCallREQ}; the future gets the answer's inner message. */
    static CompletableFuture<Object> call(Session session, Object request, Class<?> replyType, Duration timeout) {
        check(session, request, replyType, timeout);
        RawPacket payload;
        try {
            payload = Payloads.encode(Payloads.registryOf(session), request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new RpcException(RpcException.Reason.NOT_SENT,
                    "cannot encode the request " + request.getClass().getName() + ": " + e.getMessage(), e));
        }
        RpcOptions options = RpcOptions.of(session);
        PendingCall call = CallTable.of(session).open(session, replyType, options.maxPendingCalls());
        return start(session, call, options, timeout,
                c -> new RemoteCallREQ(payload.msgId(), payload.msgData(), c.id()));
    }

    /** Sends {@code request} as it is; the future gets the next {@code replyType} on the session. */
    static CompletableFuture<Object> callType(Session session, Object request, Class<?> replyType, Duration timeout) {
        check(session, request, replyType, timeout);
        RpcOptions options = RpcOptions.of(session);
        PendingCall call = TypedCalls.of(session).open(session, replyType, options.maxPendingCalls());
        return start(session, call, options, timeout, c -> request);
    }

    private static CompletableFuture<Object> start(Session session, @Nullable PendingCall call, RpcOptions options,
            Duration timeout, Function<PendingCall, Object> message) {
        if (call == null) {
            return CompletableFuture.failedFuture(new RpcException(RpcException.Reason.TOO_MANY_PENDING, "session "
                    + session.id() + " of peer '" + Rpc.peerName(session) + "' already has "
                    + options.maxPendingCalls() + " calls waiting"));
        }
        call.arm(options.scheduler(), timeout);
        SendResult sent = session.send(message.apply(call));
        if (!sent.isAccepted()) {
            call.fail(new RpcException(RpcException.Reason.NOT_SENT, call + " was not sent: " + sent));
        }
        return call.future();
    }

    private static void check(Session session, Object request, Class<?> replyType, Duration timeout) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(replyType, "replyType");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * Refuses I/O threads, then starts a call with {@code start} and waits for its reply, at most
     * {@code timeout}: the blocking forms of {@link #call} and {@link #callType}.
     *
     * @throws TimeoutException      when no reply came in time
     * @throws RpcException          when the call failed otherwise
     * @throws IllegalStateException on a Netty I/O thread (before anything is sent)
     */
    static <T> T callSync(Session session, Class<T> replyType, Duration timeout,
            Supplier<CompletableFuture<Object>> start) throws TimeoutException, InterruptedException {
        checkMayBlock(session);
        return replyType.cast(await(start.get(), timeout));
    }

    /**
     * Waits for {@code future}, at most {@code timeout}, on a thread that may block.
     *
     * @throws TimeoutException when no answer came in time
     * @throws RpcException     when the call failed otherwise
     */
    private static Object await(CompletableFuture<Object> future, Duration timeout)
            throws TimeoutException, InterruptedException {
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

    /**
     * Refuses to block a Netty event-loop thread (Go's ACK matching runs on the I/O goroutine, so a
     * blocked I/O thread would never see the answer).
     *
     * @throws IllegalStateException on an event-loop thread
     */
    private static void checkMayBlock(Session session) {
        LoopThreads.refuseBlocking("a blocking RPC call (Rpc.callSync, Rpc.callSyncType)",
                "use Rpc.call or Rpc.callType with a callback, which runs on the same queue");
        Thread current = Thread.currentThread();
        Channel channel = session.as(Channel.class);
        if ((current instanceof FastThreadLocalThread t && !t.permitBlockingCalls())
                || (channel != null && channel.eventLoop().inEventLoop())) {
            throw new IllegalStateException("a blocking RPC call on I/O thread '" + current.getName()
                    + "' would stop it from reading the answer; call it from the peer's event queue or another"
                    + " thread, or use the asynchronous form");
        }
    }

    /** Hands the outcome of {@code future} to {@code callback} on the queue of {@code session}'s peer. */
    static <T> void whenDone(Session session, CompletableFuture<T> future, RpcCallback<? super T> callback) {
        Objects.requireNonNull(callback, "callback");
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
