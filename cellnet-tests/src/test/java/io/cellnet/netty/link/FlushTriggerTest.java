package io.cellnet.netty.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.netty.internal.FlushTrigger;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The flush consolidation of a link, alone: one flush task per burst, at a batch's end on a queue. */
class FlushTriggerTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicInteger flushes = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    @Test
    void aFlushIsAskedForOnceUntilItStarts() {
        FlushTrigger t = new FlushTrigger(channel, EventQueue.direct(), flushes::incrementAndGet, rejected::incrementAndGet);
        assertTrue(t.request(), "the first send schedules");
        assertFalse(t.request(), "the next ones ride along");
        t.started();
        assertTrue(t.request(), "sends after the task started need another");
    }

    @Test
    void outsideAQueueBatchTheFlushGoesToTheEventLoopAtOnce() {
        FlushTrigger t = new FlushTrigger(channel, EventQueue.direct(), flushes::incrementAndGet, rejected::incrementAndGet);
        assertTrue(t.schedule());
        assertEquals(0, flushes.get(), "it runs on the event loop, not on the caller");
        channel.runPendingTasks();
        assertEquals(1, flushes.get());
        assertEquals(0, rejected.get());
    }

    @Test
    void fromATaskOfThePeersQueueTheFlushWaitsForTheBatchToEnd() throws Exception {
        EventQueue queue = EventQueue.create("flush-trigger");
        FlushTrigger t = new FlushTrigger(channel, queue, flushes::incrementAndGet, rejected::incrementAndGet);
        CompletableFuture<Integer> duringTheBatch = new CompletableFuture<>();
        queue.post(() -> {
            t.schedule();
            channel.runPendingTasks();
        });
        queue.post(() -> {
            channel.runPendingTasks();
            duringTheBatch.complete(flushes.get());
        });
        queue.startLoop();
        try {
            assertEquals(0, duringTheBatch.get(5, TimeUnit.SECONDS), "nothing scheduled while the batch runs");
            assertTrue(queue.stopLoop().thenApply(v -> true).get(5, TimeUnit.SECONDS));
        } finally {
            queue.close();
        }
        channel.runPendingTasks();
        assertEquals(1, flushes.get(), "scheduled when the batch ended");
    }

    @Test
    void aGoneEventLoopRefusesTheFlush() throws Exception {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        LocalChannel ch = new LocalChannel();
        group.register(ch).sync();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        FlushTrigger t = new FlushTrigger(ch, EventQueue.direct(), flushes::incrementAndGet, rejected::incrementAndGet);
        assertFalse(t.schedule());
        assertEquals(1, rejected.get());
        assertEquals(0, flushes.get());
    }
}
