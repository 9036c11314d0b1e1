package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.Figures;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.netty.util.ResourceLeakDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Load: 2,000 concurrent connections each send 500 messages through one acceptor with one event
 * queue; every message comes back exactly once and in order per connection.
 *
 * <p>Leak detection samples (SIMPLE) here instead of tracking every buffer (PARANOID, the build's
 * default), which makes this test about six times slower without checking more: the accounting
 * allocator of the base class still proves that every buffer was released.
 */
class LoadTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    static final int CONNECTIONS = 2000;
    static final int MESSAGES = 500;

    private static ResourceLeakDetector.Level buildLevel;

    @BeforeAll
    static void sampleLeaks() {
        buildLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    }

    @AfterAll
    static void restoreLeakDetection() {
        ResourceLeakDetector.setLevel(buildLevel);
    }

    @Test
    void twoThousandConnectionsEachGetFiveHundredEchoesExactlyOnceInOrder() throws Exception {
        EventQueue serverQueue = net.queue("server");
        AtomicLong serverReceived = new AtomicLong();
        TcpAcceptor server = net.tcpAcceptor(Echo.after(ev -> {
            if (ev.message() instanceof TestEchoAck) {
                serverReceived.incrementAndGet();
            }
        }), b -> b.queue(serverQueue).backlog(4096));
        server.start().join();
        CountDownLatch allEchoed = new CountDownLatch(CONNECTIONS);
        AtomicLong clientReceived = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<TcpConnector> clients = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            String name = "c" + c;
            int[] next = new int[1];
            clients.add(net.tcpConnector(server.port(), ev -> {
                if (ev.message() instanceof SessionConnected) {
                    for (int i = 0; i < MESSAGES; i++) {
                        ev.session().send(new TestEchoAck(name, i));
                    }
                } else if (ev.message() instanceof TestEchoAck m) {
                    clientReceived.incrementAndGet();
                    if (!m.Msg().equals(name) || m.Value() != next[0]) {
                        errors.add(name + " expected " + next[0] + " got " + m);
                    }
                    if (++next[0] == MESSAGES) {
                        allEchoed.countDown();
                    }
                }
            }, b -> b.name(name)));
        }
        clients.forEach(TcpConnector::start);
        assertTrue(allEchoed.await(120, TimeUnit.SECONDS), allEchoed.getCount() + " connections not done");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long total = (long) CONNECTIONS * MESSAGES;
        await().during(Duration.ofMillis(200)).atMost(NetFixtures.WAIT)
                .until(() -> clientReceived.get() == total && serverReceived.get() == total);
        assertEquals(List.of(), List.copyOf(errors));
        assertEquals(CONNECTIONS, server.sessionCount());
        Figures.record("load", CONNECTIONS + " connections x " + MESSAGES + " messages = " + total
                + " echoes, exactly once and in order, in " + took.toMillis() + " ms ("
                + (total * 1000 / Math.max(1, took.toMillis())) + " echoes/s), leak detection " + ResourceLeakDetector.getLevel());
    }
}
