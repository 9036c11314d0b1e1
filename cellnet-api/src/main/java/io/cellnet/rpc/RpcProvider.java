package io.cellnet.rpc;

import io.cellnet.SendResult;
import io.cellnet.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The implementation behind {@link Rpc} and {@link RpcRecvMsgEvent#reply}: cellnet-netty's, found
 * through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.cellnet.rpc.RpcProvider}, or {@code provides io.cellnet.rpc.RpcProvider}
 * in a module descriptor). Users call {@link Rpc}; only an implementation of cellnet's transports
 * implements this. {@link Rpc} checks the arguments before it calls a provider.
 *
 * <p>Thread safety: implementations must be thread-safe; every method may be called from any
 * thread.
 */
public interface RpcProvider {

    /**
     * Starts an envelope call (Go's {@code rpc.Call}): sends {@code request} with a new call id; the
     * future gets the answer's inner message when it is a {@code replyType}, fails with an
     * {@link RpcException} ({@code BAD_REPLY}) when it is not, with a
     * {@link java.util.concurrent.TimeoutException} after {@code timeout}, or with an
     * {@link RpcException} when the call cannot be made or its session closes.
     */
    CompletableFuture<Object> call(Session session, Object request, Class<?> replyType, Duration timeout);

    /**
     * Starts a typed call (Go's {@code rpc.CallType}): sends {@code request} as a plain message; the
     * future gets the next message of exactly {@code replyType} received on the session, with the
     * failures of {@link #call}.
     */
    CompletableFuture<Object> callType(Session session, Object request, Class<?> replyType, Duration timeout);

    /**
     * Refuses to let the calling thread block for an answer on {@code session} when blocking would
     * keep the answer from ever arriving (an I/O thread that reads it).
     *
     * @throws IllegalStateException on such a thread, saying what to do instead
     */
    void checkMayBlock(Session session);

    /**
     * Answers call {@code callId} received on {@code session} with {@code message}.
     *
     * @return what the send did; {@link SendResult#ENCODE_FAILED} when {@code message} cannot be
     *     encoded (logged)
     */
    SendResult reply(Session session, long callId, Object message);
}
