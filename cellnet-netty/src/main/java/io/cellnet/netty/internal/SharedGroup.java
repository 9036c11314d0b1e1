package io.cellnet.netty.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An event loop group shared by the peers of one kind, created when the first of them starts and
 * shut down when the last of them stops, so that stopping every peer leaves no thread behind.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class SharedGroup {
    private final Supplier<EventLoopGroup> factory;
    private @Nullable EventLoopGroup group;
    private int users;

    /** A shared group made by {@code factory} when first needed. */
    public SharedGroup(Supplier<EventLoopGroup> factory) {
        this.factory = factory;
    }

    /** A shared group of the default transport with {@code threads} threads named {@code name-N}. */
    public static SharedGroup of(String name, int threads) {
        return new SharedGroup(() -> Transports.newGroup(name, threads));
    }

    /** Takes a reference to the group, creating it when needed. Pair with {@link #release()}. */
    public synchronized EventLoopGroup acquire() {
        EventLoopGroup g = group;
        if (g == null) {
            g = factory.get();
            group = g;
        }
        users++;
        return g;
    }

    /**
     * Drops a reference; the last one shuts the group down.
     *
     * @return a future that completes when the group has terminated, or at once if it lives on
     */
    public synchronized Future<?> release() {
        EventLoopGroup g = group;
        if (g == null || users == 0) {
            throw new IllegalStateException("release without acquire");
        }
        if (--users > 0) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
        }
        group = null;
        return g.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    /** The number of peers holding the group. */
    public synchronized int users() {
        return users;
    }
}
