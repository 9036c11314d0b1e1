package io.cellnet.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionPolicyTest {
    private static List<ServiceInstance> instances(int n) {
        List<ServiceInstance> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(ServiceInstance.of(ServiceId.of("game", i), "127.0.0.1", 7000 + i));
        }
        return list;
    }

    @Test
    void roundRobinVisitsEachInTurn() {
        SelectionPolicy p = SelectionPolicy.roundRobin();
        List<ServiceInstance> c = instances(3);
        List<Integer> picked = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            picked.add(p.select(c, null).id().index());
        }
        assertEquals(List.of(0, 1, 2, 0, 1, 2), picked);
    }

    @Test
    void randomPicksAmongTheCandidates() {
        SelectionPolicy p = SelectionPolicy.random();
        List<ServiceInstance> c = instances(3);
        Set<Integer> seen = new HashSet<>();
        for (int n = 0; n < 300; n++) {
            seen.add(p.select(c, null).id().index());
        }
        assertEquals(Set.of(0, 1, 2), seen);
    }

    @Test
    void leastLoadedPicksTheLowestScore() {
        List<ServiceInstance> c = new ArrayList<>(instances(3));
        c.set(0, c.get(0).withLoad(new ServiceLoad(10, 0, 0)));
        c.set(1, c.get(1).withLoad(new ServiceLoad(1, 1, 0)));
        c.set(2, c.get(2).withLoad(new ServiceLoad(0, 0, 5)));
        assertEquals(1, SelectionPolicy.leastLoaded().select(c, null).id().index());
    }

    @Test
    void consistentHashIsStickyAndMovesOnlyTheKeysOfARemovedInstance() {
        SelectionPolicy p = SelectionPolicy.consistentHash();
        List<ServiceInstance> all = instances(4);
        Map<Integer, Integer> before = new HashMap<>();
        for (int key = 0; key < 1000; key++) {
            before.put(key, p.select(all, key).id().index());
            assertEquals(before.get(key), p.select(all, key).id().index(), "sticky");
        }
        Set<Integer> used = new HashSet<>(before.values());
        assertEquals(4, used.size(), "spreads keys over every instance");
        List<ServiceInstance> three = all.subList(0, 3);
        int moved = 0;
        for (int key = 0; key < 1000; key++) {
            int now = p.select(three, key).id().index();
            if (before.get(key) != 3) {
                assertEquals(before.get(key), now, "key " + key + " of a surviving instance moved");
            } else {
                assertNotEquals(3, now);
                moved++;
            }
        }
        assertTrue(moved > 100 && moved < 400, "about a quarter of the keys moved: " + moved);
    }
}
