package io.cellnet.metrics;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;

/** A real registry, the test messages, and the peers a test started (closed in reverse). */
final class Fixture implements AutoCloseable {
    /** A request. */
    record Ping(String Text) {
    }

    /** Its answer. */
    record Pong(String Text) {
    }

    /** A message nobody opts into. */
    record Note(String Text) {
    }

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MessageRegistry messages = MessageRegistry.create();
    private final Deque<AutoCloseable> closing = new ArrayDeque<>();

    Fixture() {
        for (Class<?> type : new Class<?>[] {Ping.class, Pong.class, Note.class}) {
            messages.register(MessageMeta.of(type, "metrics." + type.getSimpleName(), ProtoplusCodec.INSTANCE));
        }
    }

    <P extends Peer> P start(P peer) {
        closing.push(peer::close);
        peer.start().join();
        return peer;
    }

    <T extends AutoCloseable> T closeLater(T c) {
        closing.push(c);
        return c;
    }

    /** The count of the counter {@code name} with {@code tags}, 0 when it does not exist. */
    double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    /** The value of the gauge {@code name} with {@code tags}, NaN when it does not exist. */
    double gauge(String name, String... tags) {
        Gauge g = registry.find(name).tags(tags).gauge();
        return g == null ? Double.NaN : g.value();
    }

    /** The number of recordings of the timer {@code name} with {@code tags}, 0 when it does not exist. */
    long timed(String name, String... tags) {
        Timer t = registry.find(name).tags(tags).timer();
        return t == null ? 0 : t.count();
    }

    @Override
    public void close() {
        while (!closing.isEmpty()) {
            try {
                closing.pop().close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        registry.close();
    }
}
