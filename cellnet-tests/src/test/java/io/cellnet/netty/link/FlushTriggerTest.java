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
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
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
    void inABatchOfThePeersQueueTheFlushWaitsForTheBatchToEnd() {
        // a queue in the middle of a batch, as seen from one of its tasks: it holds what is put off
        List<Runnable> held = new ArrayList<>();
        EventQueue inBatch = (EventQueue) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventQueue.class}, (proxy, method, args) -> {
                    if (method.getName().equals("deferToBatchEnd")) {
                        held.add((Runnable) args[0]);
                        return true;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        FlushTrigger t = new FlushTrigger(channel, inBatch, flushes::incrementAndGet, rejected::incrementAndGet);
        assertTrue(t.schedule());
        channel.runPendingTasks();
        assertEquals(0, flushes.get(), "nothing scheduled while the batch runs");
        assertEquals(1, held.size());
        held.get(0).run(); // the batch ends
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
