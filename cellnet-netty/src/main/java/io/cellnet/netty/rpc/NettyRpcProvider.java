package io.cellnet.netty.rpc;

import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.rpc.RpcProvider;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * cellnet-netty's implementation of {@link io.cellnet.rpc.Rpc}, found through
 * {@link java.util.ServiceLoader}: calls travel in Go's {@code rpc.RemoteCallREQ} /
 * {@code rpc.RemoteCallACK} envelopes and are matched by {@link RpcHooker} (typed calls by
 * {@link TypeRpcHooker}). Users call {@code Rpc}, never this class.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class NettyRpcProvider implements RpcProvider {

    /** The instance {@link java.util.ServiceLoader} makes. */
    public NettyRpcProvider() {
    }

    @Override
    public CompletableFuture<Object> call(Session session, Object request, Class<?> replyType, Duration timeout) {
        checkCall(session, request, replyType, timeout);
        return Calls.call(session, request, replyType, timeout);
    }

    @Override
    public CompletableFuture<Object> callType(Session session, Object request, Class<?> replyType, Duration timeout) {
        checkCall(session, request, replyType, timeout);
        return Calls.callType(session, request, replyType, timeout);
    }

    @Override
    public void checkMayBlock(Session session) {
        Calls.checkMayBlock(session);
    }

    @Override
    public SendResult reply(Session session, long callId, Object message) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        return Calls.reply(session, callId, message);
    }

    /** Refuses a null argument of a call, naming it. */
    private static void checkCall(Session session, Object request, Class<?> replyType, Duration timeout) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(replyType, "replyType");
        Objects.requireNonNull(timeout, "timeout");
    }
}
