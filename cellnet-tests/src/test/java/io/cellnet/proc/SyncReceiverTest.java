package io.cellnet.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.testing.FakeSession;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SyncReceiver}: bounded receives, and waiting for one type without Go's deadlock. */
class SyncReceiverTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    record Wanted(String text) {
    }

    private final SyncReceiver receiver = new SyncReceiver();
    private final EventQueue producer = EventQueue.create("producer").startLoop();

    @AfterEach
    void stopProducer() {
        producer.close();
    }

    @Test
    void recvReturnsNullAfterTheTimeout() throws Exception {
        long start = System.nanoTime();
        assertNull(receiver.recv(Duration.ofMillis(30)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(30).toNanos(), "returned before the timeout");
    }

    @Test
    void recvReturnsEventsInArrivalOrder() throws Exception {
        RecvMsgEvent first = FakeSession.event("first");
        RecvMsgEvent second = FakeSession.event("second");
        producer.post(receiver, first);
        producer.post(receiver, second);
        assertSame(first, receiver.recv(WAIT));
        assertSame(second, receiver.recv(WAIT));
        assertEquals(0, receiver.pending());
    }

    @Test
    void waitMessageSkipsOtherEventsInsteadOfDeadlocking() throws Exception {
        // Posted from the producer's thread: an unrelated event first, then the awaited one.
        producer.post(receiver, FakeSession.event(SessionAccepted.INSTANCE));
        producer.post(receiver, FakeSession.event("unrelated"));
        producer.post(receiver, FakeSession.event(new Wanted("yes")));
        producer.post(receiver, FakeSession.event("after"));
        assertEquals(new Wanted("yes"), receiver.waitMessage(Wanted.class, WAIT));
        RecvMsgEvent next = receiver.recv(WAIT);
        assertEquals("after", next == null ? null : next.message());
    }

    @Test
    void waitMessageReturnsNullWhenOnlyOtherEventsArrive() throws Exception {
        producer.post(receiver, FakeSession.event("unrelated"));
        assertNull(receiver.waitMessage(Wanted.class, Duration.ofMillis(50)));
        assertEquals(0, receiver.pending());
    }

    @Test
    void theCallbackNeverBlocksTheQueue() throws Exception {
        for (int i = 0; i < 1000; i++) {
            producer.post(receiver, FakeSession.event(i));
        }
        producer.stopLoop().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(1000, receiver.pending());
    }
}
