package io.cellnet.netty.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.SessionClosed;
import io.cellnet.netty.internal.LinkState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The close state machine of a link, alone, and its graceful finish on an {@link EmbeddedChannel}. */
class LinkStateTest {

    @Test
    void aGracefulCloseIsFinishedOnceAndAnImmediateCloseEndsIt() {
        LinkState s = new LinkState();
        assertTrue(s.isOpen());
        assertTrue(s.closeGracefully(true));
        assertFalse(s.isOpen());
        assertFalse(s.closeGracefully(true), "already closing");
        assertTrue(s.takeGracefulFinish());
        assertFalse(s.takeGracefulFinish(), "finished once");
        assertTrue(s.closeNow(false), "closing to closed");
        assertFalse(s.closeNow(true), "already closed");
        assertEvent(s.closedEvent(0, 0), CloseReason.MANUAL, null);
    }

    @Test
    void aClosedLinkHasNoGracefulCloseToFinish() {
        LinkState s = new LinkState();
        assertTrue(s.closeNow(true));
        assertFalse(s.closeGracefully(true));
        assertFalse(s.takeGracefulFinish());
    }

    @Test
    void theFirstFailureIsTheCauseUnlessThisSideClosed() {
        LinkState failed = new LinkState();
        IOException first = new IOException("first");
        failed.fail(first);
        failed.fail(new IOException("second"));
        assertFalse(failed.isOpen());
        assertEvent(failed.closedEvent(0, 0), CloseReason.IO, first);

        LinkState manual = new LinkState();
        manual.closeGracefully(true);
        manual.fail(new IOException("while closing"));
        assertEvent(manual.closedEvent(0, 0), CloseReason.MANUAL, null);
    }

    @Test
    void aCloseAfterTheRemoteShutDownOrTheChannelsEndIsIo() {
        LinkState remote = new LinkState();
        assertTrue(remote.closeGracefully(false));
        remote.closed();
        assertEvent(remote.closedEvent(0, 0), CloseReason.IO, null);

        LinkState gone = new LinkState();
        gone.closed();
        assertFalse(gone.isOpen());
        assertEvent(gone.closedEvent(0, 0), CloseReason.IO, null);
    }

    @Test
    void finishingGracefullyStopsReadingAndClosesOnceTheWritesAreOut() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.write(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        AtomicInteger timeouts = new AtomicInteger();
        LinkState.finishGracefully(ch, Duration.ofSeconds(5), timeouts::incrementAndGet);
        ch.runPendingTasks();
        assertFalse(ch.config().isAutoRead());
        assertFalse(ch.isOpen());
        ByteBuf written = ch.readOutbound();
        try {
            assertEquals("010203", ByteBufUtil.hexDump(written), "what was written before went out first");
        } finally {
            written.release();
        }
        ch.finishAndReleaseAll();
        assertEquals(0, timeouts.get());
    }

    @Test
    void writesThatNeverCompleteAreCutOffByTheCloseTimeout() {
        MockTicker clock = Ticker.newMockTicker();
        EmbeddedChannel ch = EmbeddedChannel.builder().ticker(clock).handlers(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ReferenceCountUtil.release(msg); // a peer that never reads: the write never completes
            }
        }).build();
        AtomicInteger timeouts = new AtomicInteger();
        LinkState.finishGracefully(ch, Duration.ofSeconds(5), timeouts::incrementAndGet);
        ch.runPendingTasks();
        assertTrue(ch.isOpen(), "still waiting for the writes");
        clock.advance(4, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertTrue(ch.isOpen());
        clock.advance(1, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(ch.isOpen(), "closed at the timeout");
        assertEquals(1, timeouts.get());
        ch.finishAndReleaseAll();
    }

    private static void assertEvent(SessionClosed event, CloseReason reason, Throwable cause) {
        assertEquals(reason, event.reason());
        if (cause == null) {
            assertNull(event.cause());
        } else {
            assertSame(cause, event.cause());
        }
    }
}
