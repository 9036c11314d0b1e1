package io.cellnet.netty.rpc;

import io.cellnet.RawPacket;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.internal.LoopThreads;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import io.cellnet.observe.Observability;
import io.cellnet.observe.RpcObserver;
import io.cellnet.rpc.RpcException;
import io.cellnet.rpc.RpcOptions;
import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code io.cellnet.rpc.Rpc}'s calls do on cellnet-netty's sessions: start a call (envelope or
 * typed), answer one, and refuse I/O threads that would block. The arguments were checked by
 * {@code Rpc}.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
final class Calls {
    static final Logger log = LoggerFactory.getLogger("cellnet.rpc");

    private Calls() {
    }

    /** Sends {@code request} in a {@link RemoteCallREQ}; the future gets the answer's inner message. */
    static CompletableFuture<Object> call(Session session, Object request, Class<?> replyType, Duration timeout) {
        RawPacket payload;
        try {
            payload = Payloads.encode(Payloads.registryOf(session), request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new RpcException(RpcException.Reason.NOT_SENT,
                    "cannot encode the request " + request.getClass().getName() + ": " + e.getMessage(), e));
        }
        RpcOptions options = RpcOptions.of(session);
        PendingCall call = CallTable.of(session).open(session, replyType, options.maxPendingCalls());
        return start(session, call, options, timeout, request.getClass(),
                c -> new RemoteCallREQ(payload.msgId(), payload.msgData(), c.id()));
    }

    /** Sends {@code request} as it is; the future gets the next {@code replyType} on the session. */
    static CompletableFuture<Object> callType(Session session, Object request, Class<?> replyType, Duration timeout) {
        RpcOptions options = RpcOptions.of(session);
        PendingCall call = TypedCalls.of(session).open(session, replyType, options.maxPendingCalls());
        return start(session, call, options, timeout, request.getClass(), c -> request);
    }

    private static CompletableFuture<Object> start(Session session, @Nullable PendingCall call, RpcOptions options,
            Duration timeout, Class<?> requestType, Function<PendingCall, Object> message) {
        if (call == null) {
            return CompletableFuture.failedFuture(new RpcException(RpcException.Reason.TOO_MANY_PENDING, "session "
                    + session.id() + " of peer '" + PendingCall.peerName(session) + "' already has "
                    + options.maxPendingCalls() + " calls waiting"));
        }
        call.arm(options.scheduler(), timeout);
        RpcObserver observer = Observability.current().rpc();
        if (observer != RpcObserver.NONE) {
            observer.called(requestType);
            long sentAt = System.nanoTime();
            call.future().whenComplete((r, e) -> observer.completed(requestType, System.nanoTime() - sentAt,
                    e instanceof TimeoutException));
        }
        SendResult sent = session.send(message.apply(call));
        if (!sent.isAccepted()) {
            call.fail(new RpcException(RpcException.Reason.NOT_SENT, call + " was not sent: " + sent));
        }
        return call.future();
    }

    /** Answers call {@code callId} on {@code session} with {@code msg} in a {@link RemoteCallACK}. */
    static SendResult reply(Session session, long callId, Object msg) {
        RawPacket payload;
        try {
            payload = Payloads.encode(Payloads.registryOf(session), msg);
        } catch (RuntimeException e) {
            log.warn("session {}: cannot answer rpc call {} with {}: {}", session.id(), callId,
                    msg.getClass().getName(), e.getMessage());
            return SendResult.ENCODE_FAILED;
        }
        return session.send(new RemoteCallACK(payload.msgId(), payload.msgData(), callId));
    }

    /**
     * Refuses to block a Netty event-loop thread (Go's ACK matching runs on the I/O goroutine, so a
     * blocked I/O thread would never see the answer).
     *
     * @throws IllegalStateException on an event-loop thread
     */
    static void checkMayBlock(Session session) {
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
}
