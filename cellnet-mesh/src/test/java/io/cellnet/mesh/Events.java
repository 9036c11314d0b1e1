package io.cellnet.mesh;


import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Records what a listener was given, and waits (with a bound) for an element that matches.
 *
 * @param <T> the element type
 */
final class Events<T> implements Consumer<T> {
    static final Duration WAIT = Duration.ofSeconds(20);
    final List<T> list = new CopyOnWriteArrayList<>();

    @Override
    public void accept(T t) {
        list.add(t);
    }

    T await(Predicate<T> p) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> list.stream().anyMatch(p));
        return list.stream().filter(p).findFirst().orElseThrow();
    }

    static Predicate<ServiceEvent> is(ServiceEventKind kind, ServiceId id) {
        return e -> e.kind() == kind && e.instance().id().equals(id);
    }
}
