package io.cellnet.netty.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.netty.internal.SpinningSelect;
import io.netty.channel.SelectStrategy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The loop queue's idle spin: with work it polls without blocking, idle it keeps polling until its
 * spin time is used up, then blocks; a spin of 0 blocks at once, as Netty's default does.
 */
class SpinningSelectTest {
    private final AtomicInteger polls = new AtomicInteger();
    private int ready;

    private int poll() {
        polls.incrementAndGet();
        return ready;
    }

    @Test
    void withTasksItPollsAndNeverBlocks() throws Exception {
        SpinningSelect s = new SpinningSelect(0);
        ready = 3;
        assertEquals(3, s.calculateStrategy(this::poll, true));
        ready = 0;
        assertEquals(0, s.calculateStrategy(this::poll, true));
        assertEquals(2, polls.get());
    }

    @Test
    void withoutASpinAnIdleLoopBlocksAtOnce() throws Exception {
        assertEquals(SelectStrategy.SELECT, new SpinningSelect(0).calculateStrategy(this::poll, false));
        assertEquals(0, polls.get(), "no poll: it blocks in the selector, which polls");
    }

    @Test
    void anIdleLoopKeepsPollingWithinItsSpinAndTakesWhatArrives() throws Exception {
        SpinningSelect s = new SpinningSelect(Long.MAX_VALUE);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, s.calculateStrategy(this::poll, false), "spinning, not blocking");
        }
        ready = 2;
        assertEquals(2, s.calculateStrategy(this::poll, false), "what arrives while spinning is taken at once");
        assertEquals(1001, polls.get());
    }

    @Test
    void anIdleLoopBlocksOnceItsSpinIsUsedUp() throws Exception {
        SpinningSelect s = new SpinningSelect(1);
        int strategy = 0;
        for (int i = 0; i < 1_000_000 && strategy != SelectStrategy.SELECT; i++) {
            strategy = s.calculateStrategy(this::poll, false);
        }
        assertEquals(SelectStrategy.SELECT, strategy);
    }
}
