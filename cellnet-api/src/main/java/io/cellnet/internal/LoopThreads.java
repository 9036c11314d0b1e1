package io.cellnet.internal;

import org.jspecify.annotations.Nullable;

/**
 * Marks the threads that must never block because they run the I/O whose results a blocking call
 * would wait for: the event loop of a loop queue ({@code io.cellnet.netty.NettyQueues.loop}) reads,
 * decodes, runs the callbacks and writes on one thread, so a callback that waits there for a reply,
 * a connection or a close waits for itself. Blocking calls ask {@link #refuseBlocking} first and
 * fail at once with a message saying what to do instead.
 *
 * <p>Thread safety: every method may be called from any thread; a mark belongs to the thread that
 * set it.
 */
public final class LoopThreads {
    private static final ThreadLocal<String> OWNER = new ThreadLocal<>();

    private LoopThreads() {
    }

    /** Marks the calling thread as the event loop of {@code owner} (for messages: "loop queue 'game'"). */
    public static void markCurrent(String owner) {
        OWNER.set(owner);
    }

    /** What the calling thread is the event loop of, or {@code null} when it may block. */
    public static @Nullable String ownerOfCurrent() {
        return OWNER.get();
    }

    /**
     * Throws when the calling thread must not block.
     *
     * @param call    what would block, as the user wrote it ({@code "Rpc.callSync"})
     * @param instead what to do instead, one clause ("use Rpc.call and continue in its callback")
     * @throws IllegalStateException on a marked thread, before anything was done
     */
    public static void refuseBlocking(String call, String instead) {
        String owner = OWNER.get();
        if (owner != null) {
            throw new IllegalStateException(call + " would block the event loop of " + owner + " (thread '"
                    + Thread.currentThread().getName() + "'), which runs the I/O it would wait for: it cannot be"
                    + " called from a callback or task of that queue; " + instead);
        }
    }
}
