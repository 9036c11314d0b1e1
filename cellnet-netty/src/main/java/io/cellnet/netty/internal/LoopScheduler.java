package io.cellnet.netty.internal;

import io.cellnet.timer.Scheduler;
import io.cellnet.timer.TimerHandle;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on a channel's event loop: timers of a peer run on its I/O thread.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class LoopScheduler implements Scheduler {
    private final EventLoop loop;

    /** A scheduler on {@code loop}. */
    public LoopScheduler(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public TimerHandle schedule(Runnable task, Duration delay) {
        return TimerHandle.of(loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
