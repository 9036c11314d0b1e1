package io.cellnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.testing.FakeSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EventQueue#direct()}: Go's nil queue, running everything inline. */
class DirectEventQueueTest {
    private final EventQueue direct = EventQueue.direct();
    private final List<Thread> threads = new ArrayList<>();

    @Test
    void runsEachTaskInlineOnThePostingThreadBeforePostReturns() {
        Thread caller = Thread.currentThread();
        assertTrue(direct.post(() -> threads.add(Thread.currentThread())));
        assertEquals(List.of(caller), threads, "the task did not run before post returned");
        direct.execute(() -> threads.add(Thread.currentThread()));
        assertEquals(List.of(caller, caller), threads);
        RecvMsgEvent event = FakeSession.event("m");
        List<Event> events = new ArrayList<>();
        assertTrue(direct.post(events::add, event));
        assertEquals(List.of(event), events);
    }

    @Test
    void exceptionsGoToTheLoggingHandlerInsteadOfThePoster() {
        assertTrue(direct.post(() -> {
            throw new IllegalStateException("goes to the logging handler");
        }));
        assertTrue(direct.post(ev -> {
            throw new IllegalStateException("goes to the logging handler");
        }, FakeSession.event("m")));
    }

    @Test
    void isAlwaysInLoopEmptyAndNeverStops() throws Exception {
        Thread caller = Thread.currentThread();
        assertTrue(direct.inLoop());
        assertEquals(0, direct.pending());
        assertSame(direct, direct.startLoop());
        assertTrue(direct.stopLoop().isDone());
        assertTrue(direct.await(Duration.ZERO));
        direct.close();
        assertTrue(direct.post(() -> threads.add(caller)), "the direct queue refused after stopLoop()");
        assertEquals(List.of(caller), threads);
        assertEquals("direct", direct.name());
    }
}
