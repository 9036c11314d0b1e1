package io.cellnet.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.EventQueue;
import io.cellnet.mesh.nats.NatsDiscovery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 50 instances in one JVM, each with its own discovery view (its own NATS connection), each
 * registering and watching the service: every registration and every load change reaches every
 * watcher. Prints the p50/p99 propagation time (from the register or update call to the event on
 * the watcher's queue) for in-memory and NATS; asserts only that everything arrived within a
 * generous bound.
 */
@Timeout(120)
class PropagationTest {
    static final int N = 50;
    static final Duration BOUND = Duration.ofSeconds(60);

    interface Views {
        Discovery view(int i) throws Exception;
    }

    @Test
    void inMemory() throws Exception {
        InMemoryDiscovery shared = new InMemoryDiscovery();
        run("in-memory", i -> shared);
        shared.close();
    }

    @Test
    void nats() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start()) {
            run("NATS", i -> NatsDiscovery.connect(nats.url()));
        }
    }

    void run(String what, Views views) throws Exception {
        List<Discovery> ds = new ArrayList<>();
        List<EventQueue> queues = new ArrayList<>();
        List<Watch> watches = new ArrayList<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();
        Map<Integer, java.util.Set<String>> seenBy = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < N; i++) {
                ds.add(views.view(i));
                EventQueue q = EventQueue.create("watcher-" + i).startLoop();
                queues.add(q);
                int watcher = i;
                seenBy.put(i, ConcurrentHashMap.newKeySet());
                watches.add(ds.get(i).watch("node", q, ev -> {
                    String change = ev.instance().id() + "/" + ev.instance().load().user();
                    Long t0 = started.get(change);
                    if (t0 != null && seenBy.get(watcher).add(change)) {
                        delays.add(System.nanoTime() - t0);
                    }
                }));
            }
            List<Registration> regs = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                ServiceInstance inst = ServiceInstance.of(ServiceId.of("node", i), "127.0.0.1", 10000 + i);
                started.put(inst.id() + "/0", System.nanoTime());
                regs.add(ds.get(i).register(inst));
            }
            await().atMost(BOUND).until(() -> seenBy.values().stream().allMatch(s -> s.size() == N));
            for (int i = 0; i < N; i++) {
                started.put(ServiceId.of("node", i) + "/1", System.nanoTime());
                regs.get(i).updateLoad(new ServiceLoad(0, 0, 1));
            }
            await().atMost(BOUND).until(() -> seenBy.values().stream().allMatch(s -> s.size() == 2 * N));
            long[] d = delays.stream().mapToLong(Long::longValue).toArray();
            assertEquals(2 * N * N, d.length, "every watcher saw every change once");
            Arrays.sort(d);
            System.out.printf("propagation %s, %d instances, %d changes x %d watchers: p50 %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms%n", what, N, 2 * N, N, d[d.length / 2] / 1e6, d[(int) (d.length * 0.99)] / 1e6,
                    d[d.length - 1] / 1e6);
        } finally {
            watches.forEach(Watch::close);
            queues.forEach(EventQueue::close);
            ds.forEach(Discovery::close);
        }
    }
}
