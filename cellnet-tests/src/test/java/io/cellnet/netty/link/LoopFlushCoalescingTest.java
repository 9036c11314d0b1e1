package io.cellnet.netty.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.netty.internal.FlushTrigger;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flushes that other threads ask of one event loop share one task: a queue thread whose batch
 * wrote to many connections of a loop hands that loop one task, and no flush is lost on the way.
 */
class LoopFlushCoalescingTest {
    private static final int CHANNELS = 16;

    private final List<FlushTrigger> triggers = new ArrayList<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private MultiThreadIoEventLoopGroup group;
    private EventLoop loop;
    private AtomicIntegerArray flushes;
    private CountDownLatch releaseLoop;

    @BeforeEach
    void oneLoopWithSixteenChannels() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        loop = group.next();
        flushes = new AtomicIntegerArray(CHANNELS);
        for (int i = 0; i < CHANNELS; i++) {
            LocalChannel ch = new LocalChannel();
            loop.register(ch).sync();
            triggers.add(trigger(ch, EventQueue.direct(), i));
        }
    }

    @AfterEach
    void shutDown() {
        if (releaseLoop != null) {
            releaseLoop.countDown();
        }
        assertTrue(group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS));
    }

    private FlushTrigger trigger(io.netty.channel.Channel ch, EventQueue queue, int index) {
        FlushTrigger[] self = new FlushTrigger[1];
        self[0] = new FlushTrigger(ch, queue, () -> {
            self[0].started();
            flushes.incrementAndGet(index);
        }, rejected::incrementAndGet);
        return self[0];
    }

    /** Holds the loop in a task until {@link #releaseLoop} counts down; returns once the task runs. */
    private void blockLoop() throws Exception {
        releaseLoop = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        loop.execute(() -> {
            running.countDown();
            try {
                releaseLoop.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
    }

    private int pendingTasks() {
        return ((SingleThreadEventExecutor) loop).pendingTasks();
    }

    private void awaitFlushes(int each) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            for (int i = 0; i < CHANNELS; i++) {
                if (flushes.get(i) != each) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void flushesAskedFromAnotherThreadShareOneTaskOfTheLoop() throws Exception {
        blockLoop();
        for (FlushTrigger t : triggers) {
            assertTrue(t.request());
            assertTrue(t.schedule());
        }
        assertEquals(1, pendingTasks(), "one task for sixteen channels, not one each");
        releaseLoop.countDown();
        awaitFlushes(1);

        // after the drain, the next round needs (and gets) a task of its own
        blockLoop();
        for (FlushTrigger t : triggers) {
            assertTrue(t.request(), "the flush started, so a send asks again");
            assertTrue(t.schedule());
        }
        assertEquals(1, pendingTasks());
        releaseLoop.countDown();
        awaitFlushes(2);
        assertEquals(0, rejected.get());
    }

    @Test
    void aBatchOfAQueueHandsTheLoopOneTaskWhenItEnds() throws Exception {
        EventQueue queue = EventQueue.create("coalesce").startLoop();
        try {
            List<FlushTrigger> onQueue = new ArrayList<>();
            for (int i = 0; i < CHANNELS; i++) {
                onQueue.add(trigger(newChannel(), queue, i));
            }
            blockLoop();
            CompletableFuture<Void> batch = new CompletableFuture<>();
            queue.post(() -> {
                for (FlushTrigger t : onQueue) {
                    t.request();
                    t.schedule();
                }
                batch.complete(null);
            });
            batch.get(10, TimeUnit.SECONDS);
            // a later batch: the first one has ended, and its commit has run
            CompletableFuture<Void> laterBatch = new CompletableFuture<>();
            queue.post(() -> laterBatch.complete(null));
            laterBatch.get(10, TimeUnit.SECONDS);
            assertEquals(1, pendingTasks(), "the batch's sixteen flushes went to the loop as one task");
            releaseLoop.countDown();
            awaitFlushes(1);
        } finally {
            queue.close();
        }
    }

    @Test
    void aDrainRunsAtMostItsBoundAndReschedulesTheRest() throws Exception {
        int many = 2_500;
        AtomicInteger done = new AtomicInteger();
        io.netty.channel.Channel ch = newChannel();
        List<FlushTrigger> lots = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            lots.add(new FlushTrigger(ch, EventQueue.direct(), done::incrementAndGet, rejected::incrementAndGet));
        }
        blockLoop();
        for (FlushTrigger t : lots) {
            t.request();
            assertTrue(t.schedule());
        }
        releaseLoop.countDown();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> done.get() == many);
        assertEquals(0, rejected.get());
    }

    @Test
    void aFlushThatThrowsDoesNotStopTheOthers() throws Exception {
        AtomicInteger done = new AtomicInteger();
        io.netty.channel.Channel ch = newChannel();
        FlushTrigger failing = new FlushTrigger(ch, EventQueue.direct(), () -> {
            throw new IllegalStateException("test: this flush fails");
        }, rejected::incrementAndGet);
        FlushTrigger fine = new FlushTrigger(ch, EventQueue.direct(), done::incrementAndGet, rejected::incrementAndGet);
        blockLoop();
        failing.request();
        failing.schedule();
        fine.request();
        fine.schedule();
        assertEquals(1, pendingTasks());
        releaseLoop.countDown();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> done.get() == 1);
    }

    @Test
    void everyFlushQueuedForAGoneLoopIsRefused() throws Exception {
        io.netty.channel.Channel ch = newChannel();
        assertTrue(group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS));
        for (FlushTrigger t : triggers) {
            t.request();
            assertFalse(t.schedule(), "the loop is gone");
        }
        assertEquals(CHANNELS, rejected.get());
        for (int i = 0; i < CHANNELS; i++) {
            assertEquals(0, flushes.get(i));
        }
        assertTrue(ch.eventLoop().isTerminated());
    }

    private io.netty.channel.Channel newChannel() throws Exception {
        LocalChannel ch = new LocalChannel();
        loop.register(ch).sync();
        return ch;
    }
}
