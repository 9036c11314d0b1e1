package io.cellnet.mesh;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Picks one instance of a service for a message or a key: {@link #roundRobin()},
 * {@link #random()}, {@link #leastLoaded()} (from the load each instance publishes) or
 * {@link #consistentHash()} on a key (sticky users: a key keeps its instance while that instance
 * lives; when one goes, only its keys move).
 *
 * <p>Thread safety: the policies given here may be used from any thread.
 */
@FunctionalInterface
public interface SelectionPolicy {

    /**
     * Picks one of {@code candidates} (in id order, never empty), for {@code key} when the policy
     * uses one.
     */
    ServiceInstance select(List<ServiceInstance> candidates, @Nullable Object key);

    /** Each instance in turn. */
    static SelectionPolicy roundRobin() {
        AtomicLong next = new AtomicLong();
        return (candidates, key) -> candidates.get((int) Math.floorMod(next.getAndIncrement(), (long) candidates.size()));
    }

    /** A uniformly random instance. */
    static SelectionPolicy random() {
        return (candidates, key) -> candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    /** The instance with the lowest {@link ServiceLoad#score()}; the first in id order on a tie. */
    static SelectionPolicy leastLoaded() {
        return (candidates, key) -> candidates.stream().min(Comparator.comparingLong(i -> i.load().score())).orElseThrow();
    }

    /**
     * Rendezvous (highest random weight) hashing of the key's {@code hashCode} with each instance id:
     * the same key picks the same instance while the set of instances is the same, and removing an
     * instance moves only the keys it held. A {@code null} key falls back to the first instance.
     */
    static SelectionPolicy consistentHash() {
        return (candidates, key) -> {
            if (key == null) {
                return candidates.get(0);
            }
            long k = key.hashCode();
            ServiceInstance best = candidates.get(0);
            long bestWeight = Long.MIN_VALUE;
            for (ServiceInstance c : candidates) {
                long weight = mix(k * 0x9E3779B97F4A7C15L ^ c.id().toString().hashCode());
                if (weight > bestWeight) {
                    best = c;
                    bestWeight = weight;
                }
            }
            return best;
        };
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
