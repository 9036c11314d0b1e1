package io.cellnet.mesh;

import static io.cellnet.mesh.Events.is;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Discovery} does; each implementation's test extends this. */
abstract class DiscoveryContract {
    EventQueue queue;

    /** A discovery on the shared back end (a second call is another process's view of it). */
    abstract Discovery discovery() throws Exception;

    @BeforeEach
    void startQueue() {
        queue = EventQueue.create("discovery-test").startLoop();
    }

    @AfterEach
    void closeQueue() {
        queue.close();
    }

    static ServiceInstance game(int index) {
        return new ServiceInstance(ServiceId.of("game", index), "127.0.0.1", 7000 + index, Map.of("WANAddress",
                "game" + index + ".example:7000"), ServiceLoad.ZERO);
    }

    @Test
    void aWatchReplaysLiveInstancesThenReportsAddUpdateAndRemove() throws Exception {
        Discovery owner = discovery();
        Discovery watcher = discovery();
        Registration r0 = owner.register(game(0));
        Events<ServiceEvent> events = new Events<>();
        Watch w = watcher.watch("game", queue, events);
        events.await(is(ServiceEventKind.ADDED, game(0).id()));
        Registration r1 = owner.register(game(1));
        assertEquals(game(1), events.await(is(ServiceEventKind.ADDED, game(1).id())).instance());
        r1.updateLoad(new ServiceLoad(5, 1, 7));
        assertEquals(new ServiceLoad(5, 1, 7), events.await(is(ServiceEventKind.UPDATED, game(1).id())).instance().load());
        r1.close();
        events.await(is(ServiceEventKind.REMOVED, game(1).id()));
        assertEquals(List.of(game(0)), watcher.query("game"));
        w.close();
        r0.close();
    }

    @Test
    void queryFiltersByGroup() throws Exception {
        Discovery d = discovery();
        ServiceInstance other = new ServiceInstance(new ServiceId("game", 0, "prod"), "127.0.0.1", 7100, Map.of(),
                ServiceLoad.ZERO);
        d.register(game(0));
        d.register(other);
        await().atMost(Events.WAIT).until(() -> d.query("game").size() == 2);
        assertEquals(List.of(other), d.query("game", "prod"));
        assertEquals(List.of(game(0)), d.query("game", "dev"));
        assertEquals(List.of(), d.query("login"));
    }

    @Test
    void aLiveIdCannotBeTakenTwice() throws Exception {
        Discovery a = discovery();
        Discovery b = discovery();
        Registration r = a.register(game(0));
        assertThrows(IllegalStateException.class, () -> a.register(game(0)));
        assertThrows(IllegalStateException.class, () -> b.register(game(0)));
        r.close();
        b.register(game(0)).close();
    }

    @Test
    void closingTheDiscoveryDeregistersItsInstances() throws Exception {
        Discovery owner = discovery();
        Discovery watcher = discovery();
        owner.register(game(2));
        Events<ServiceEvent> events = new Events<>();
        watcher.watch("game", queue, events);
        events.await(is(ServiceEventKind.ADDED, game(2).id()));
        owner.close();
        events.await(is(ServiceEventKind.REMOVED, game(2).id()));
    }

    @Test
    void theKeyValueStoreSetsGetsDeletesAndWatches() throws Exception {
        Discovery a = discovery();
        Discovery b = discovery();
        a.kvPut("config/route", "one");
        assertEquals(Optional.of("one"), b.kvGet("config/route"));
        Events<KvEvent> events = new Events<>();
        b.kvWatch("config/route", queue, events);
        events.await(e -> "one".equals(e.value()));
        a.kvPut("config/route", "two");
        events.await(e -> "two".equals(e.value()));
        a.kvDelete("config/route");
        events.await(KvEvent::deleted);
        assertEquals(Optional.empty(), b.kvGet("config/route"));
        assertTrue(events.list.stream().allMatch(e -> e.key().equals("config/route")));
        assertThrows(IllegalArgumentException.class, () -> a.kvPut("bad key", "x"));
    }
}
