package io.cellnet.netty.internal;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;

/**
 * An event loop's choice of when to block (a Netty {@link SelectStrategy}): once it runs out of
 * work, it keeps polling its channels without blocking for {@code spinNanos} before it blocks in the
 * selector, so that a message or task arriving soon after finds it awake and costs no wake-up. This
 * is the loop queue's version of the thread queue's idle spin: on a machine where a sleeping CPU
 * takes tens of microseconds to wake (a VM), it halves the latency of a ping-pong, at the price of
 * a core kept busy for that long after each burst of work. 0 blocks at once, as Netty does.
 *
 * <p>Thread safety: one instance per event loop, used on its thread only.
 */
public final class SpinningSelect implements SelectStrategy {
    private final long spinNanos;
    private long idleSince;

    /** A strategy that polls for {@code spinNanos} before blocking. */
    public SpinningSelect(long spinNanos) {
        this.spinNanos = spinNanos;
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        if (hasTasks || spinNanos <= 0) {
            idleSince = 0;
            return hasTasks ? selectNow.get() : SELECT;
        }
        int ready = selectNow.get();
        if (ready > 0) {
            idleSince = 0;
            return ready;
        }
        long now = System.nanoTime();
        if (idleSince == 0) {
            idleSince = now;
        } else if (now - idleSince >= spinNanos) {
            idleSince = 0;
            return SELECT;
        }
        Thread.onSpinWait();
        return ready;
    }
}
