package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.internal.SharedGroup;
import io.cellnet.netty.internal.stream.SocketKind;
import java.time.Duration;
import java.util.Map;

/** Counts of what peers hold: shared event loop group users and cellnet threads. */
final class Leaks {
    private Leaks() {
    }

    /** Users of the shared socket groups, by group. */
    static Map<String, Integer> groupUsers() {
        SocketKind k = SocketKind.INSTANCE;
        return Map.of("boss", k.groups().boss().users(), "workers", k.groups().workers().users(), "clients",
                k.groups().clients().users());
    }

    /** Asserts the shared groups' users: acceptors hold boss and workers, connectors the client group. */
    static void assertGroupUsers(int acceptors, int connectors) {
        assertEquals(Map.of("boss", acceptors, "workers", acceptors, "clients", connectors), groupUsers());
    }

    /** Every peer stopped: no group user, and every cellnet thread ends (bounded wait). */
    static void assertNothingLeft() {
        assertGroupUsers(0, 0);
        await("cellnet threads to end").atMost(Duration.ofSeconds(10)).until(() -> NetFixtures.cellnetThreads().isEmpty());
    }

    /** The shared boss group of the acceptors, for tests that hold its event loop. */
    static SharedGroup bossGroup() {
        return SocketKind.INSTANCE.groups().boss();
    }
}
