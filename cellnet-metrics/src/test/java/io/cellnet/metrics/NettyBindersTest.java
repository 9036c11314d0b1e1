package io.cellnet.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link CellnetMetrics#bindNetty}: Micrometer's event loop and allocator binders. */
class NettyBindersTest {
    private final Fixture f = new Fixture();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void close() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        f.close();
    }

    @Test
    void pendingTasksOfEachLoopAndAllocatorMemoryAreBound() throws Exception {
        CellnetMetrics.bindNetty(f.registry, group);
        Gauge pending = f.registry.get("netty.eventexecutor.tasks.pending").gauge();
        assertEquals(0, pending.value());
        CountDownLatch release = new CountDownLatch(1);
        group.execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 3; i++) {
            group.execute(() -> { });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending.value() == 3);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> pending.value() == 0);

        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 20);
        try {
            assertTrue(f.registry.get("netty.allocator.memory.used").tag("memory.type", "direct").gauges().stream()
                    .anyMatch(g -> g.value() >= 1 << 20));
        } finally {
            buf.release();
        }
    }
}
