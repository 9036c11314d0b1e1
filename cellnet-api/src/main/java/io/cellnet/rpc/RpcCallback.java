package io.cellnet.rpc;

import org.jspecify.annotations.Nullable;

/**
 * Receives the outcome of an RPC call made with a callback (Go's {@code rpc.Call} callback, which
 * gets the reply or the error as its one argument). Exactly one of the two arguments is non-null.
 *
 * <p>Thread safety: called once, on the event queue of the session's peer (on the completing
 * thread when the peer's queue is {@link io.cellnet.EventQueue#direct()}).
 *
 * @param <T> the reply type
 */
@FunctionalInterface
public interface RpcCallback<T> {

    /**
     * The call completed: {@code reply} on success; otherwise {@code error}, a
     * {@link java.util.concurrent.TimeoutException} or an {@link RpcException}.
     */
    void onResult(@Nullable T reply, @Nullable Throwable error);
}
