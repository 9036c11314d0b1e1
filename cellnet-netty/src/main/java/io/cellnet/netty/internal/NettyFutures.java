package io.cellnet.netty.internal;

import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;

/**
 * Bridges Netty futures to {@link CompletableFuture}s.
 *
 * <p>Thread safety: stateless.
 */
public final class NettyFutures {
    private NettyFutures() {
    }

    /** A future that completes when {@code f} does, with its failure if it fails. */
    public static CompletableFuture<Void> toCompletable(Future<?> f) {
        CompletableFuture<Void> cf = new CompletableFuture<>();
        f.addListener(done -> {
            if (done.isSuccess()) {
                cf.complete(null);
            } else {
                cf.completeExceptionally(done.cause());
            }
        });
        return cf;
    }

    /** A future that completes when {@code f} does, successfully or not. */
    public static CompletableFuture<Void> whenDone(Future<?> f) {
        CompletableFuture<Void> cf = new CompletableFuture<>();
        f.addListener(done -> cf.complete(null));
        return cf;
    }
}
