package io.cellnet.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.metrics.Fixture.Ping;
import io.cellnet.netty.NettyQueues;
import io.cellnet.netty.TcpPeers;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue meters of the thread queue and the loop queue, bound globally. */
class QueueMetricsTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theThreadQueueReportsPendingDelayRunTimeAndExceptions() throws Exception {
        f.closeLater(CellnetMetrics.builder(f.registry).queueTimingInterval(1).bind());
        EventQueue q = f.closeLater(EventQueue.builder("game").build());
        checkQueue(q, "game");
    }

    @Test
    void theLoopQueueReportsPendingDelayRunTimeAndExceptions() throws Exception {
        f.closeLater(CellnetMetrics.builder(f.registry).queueTimingInterval(1).bind());
        EventQueue q = f.closeLater(NettyQueues.loop("loop"));
        checkQueue(q, "loop");
    }

    @Test
    void theCallbacksOfAPeerOnAQueueAreTimed() {
        f.closeLater(CellnetMetrics.builder(f.registry).queueTimingInterval(1).bind());
        EventQueue q = f.closeLater(EventQueue.builder("peers").build().startLoop());
        TcpAcceptor s = f.start(TcpPeers.acceptor().name("server").address("127.0.0.1:0").registry(f.messages)
                .queue(q).callback(ev -> { }).build());
        TcpConnector c = f.start(TcpPeers.connector().name("client").address("127.0.0.1:" + s.port())
                .registry(f.messages).build());
        await().atMost(BOUND).until(() -> c.session().isOpen());
        c.session().send(new Ping("x"));
        // SessionAccepted and the Ping, each a callback on the queue
        await().atMost(BOUND).until(() -> f.timed("cellnet.queue.run", "queue", "peers") >= 2);
        assertTrue(f.timed("cellnet.queue.delay", "queue", "peers") >= 2);
        assertEquals(1, f.count("cellnet.messages.received", "peer", "server", "message", "other"));
    }

    @Test
    void byDefaultOneTaskInSixteenIsTimedAndEveryExceptionCounted() throws Exception {
        f.closeLater(CellnetMetrics.bind(f.registry));
        EventQueue q = f.closeLater(EventQueue.builder("sampled").build().startLoop());
        for (int i = 0; i < 64; i++) {
            assertTrue(q.post(() -> {
                throw new IllegalStateException("expected by the test");
            }));
        }
        await().atMost(BOUND).until(() -> f.count("cellnet.queue.exceptions", "queue", "sampled") == 64);
        assertEquals(4, f.timed("cellnet.queue.run", "queue", "sampled"));
        assertEquals(4, f.timed("cellnet.queue.delay", "queue", "sampled"));
    }

    @Test
    void anUnboundQueueRegistersNothing() {
        EventQueue q = f.closeLater(EventQueue.builder("quiet").build().startLoop());
        assertTrue(q.post(() -> { }));
        assertEquals(0, f.registry.getMeters().size());
    }

    private void checkQueue(EventQueue q, String name) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        assertTrue(q.post(() -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        q.startLoop();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 3; i++) {
            assertTrue(q.post(() -> { }));
        }
        assertTrue(q.post(() -> {
            throw new IllegalStateException("expected by the test");
        }));
        assertEquals(4, f.gauge("cellnet.queue.pending", "queue", name));
        release.countDown();
        await().atMost(BOUND).until(() -> f.timed("cellnet.queue.run", "queue", name) == 5);
        assertEquals(5, f.timed("cellnet.queue.delay", "queue", name));
        assertEquals(1, f.count("cellnet.queue.exceptions", "queue", name));
        assertEquals(0, f.gauge("cellnet.queue.pending", "queue", name));
        // the first task waited on the latch, so the run timer saw it
        assertTrue(f.registry.get("cellnet.queue.run").tag("queue", name).timer().max(TimeUnit.NANOSECONDS) > 0);
        // percentiles are published
        assertTrue(f.registry.get("cellnet.queue.delay").tag("queue", name).timer().takeSnapshot()
                .percentileValues().length == 3);
    }
}
