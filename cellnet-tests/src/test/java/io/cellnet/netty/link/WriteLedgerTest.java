package io.cellnet.netty.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.netty.internal.DroppedWrites;
import io.cellnet.netty.internal.WriteLedger;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared write promise of a link, alone on an {@link EmbeddedChannel} whose socket writes only
 * as many flushed messages as a test lets it: Netty's outbound buffer completes the writes in
 * order, and the failed ones, and only they, count as dropped, exactly.
 */
class WriteLedgerTest {
    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private final PartialChannel channel = new PartialChannel();
    private final DroppedWrites dropped = new DroppedWrites();
    private final List<Throwable> caught = new ArrayList<>();

    WriteLedgerTest() {
        channel.config().setAllocator(alloc);
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                caught.add(cause);
            }
        });
    }

    @AfterEach
    void nothingLeaks() {
        channel.finishAndReleaseAll();
        assertEquals(0, alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory(), "a buffer leaked");
    }

    /** An embedded channel whose socket takes only {@link #allowance} more flushed messages. */
    private static final class PartialChannel extends EmbeddedChannel {
        int allowance = Integer.MAX_VALUE;

        @Override
        protected void doWrite(ChannelOutboundBuffer in) throws Exception {
            while (allowance > 0 && in.current() != null) {
                allowance--;
                in.remove();   // releases the message
            }
        }
    }

    private ByteBuf bytes(int n) {
        return alloc.buffer(n).writeZero(n);
    }

    private WriteLedger ledger() {
        WriteLedger ledger = WriteLedger.of(channel, dropped);
        assertNotNull(ledger, "an embedded channel without outbound handlers fits");
        return ledger;
    }

    private void flush(int messages) {
        channel.allowance = messages;
        channel.flush();
        channel.allowance = Integer.MAX_VALUE;
    }

    @Test
    void writesThatLeaveCompleteInOrderAndDropNothing() {
        WriteLedger ledger = ledger();
        for (int i = 1; i <= 3; i++) {
            ledger.write(bytes(i), i, i);
        }
        assertEquals(3, ledger.inFlight());
        flush(2);
        assertEquals(1, ledger.inFlight(), "two written, the third still in the socket's queue");
        flush(Integer.MAX_VALUE);
        assertEquals(0, ledger.inFlight());
        assertEquals(0, dropped.messages());
        assertTrue(caught.isEmpty(), caught::toString);
    }

    @Test
    void aCloseCountsExactlyTheFlushedAndUnflushedWritesThatNeverLeft() {
        WriteLedger ledger = ledger();
        for (int i = 1; i <= 5; i++) {   // write i carries i messages of 10 * i bytes
            ledger.write(bytes(10 * i), i, 10 * i);
        }
        flush(2);   // 1 and 2 leave; 3, 4 and 5 are flushed and wait
        ledger.write(bytes(60), 6, 60);   // 6 and 7 are not even flushed
        ledger.write(bytes(70), 7, 70);
        channel.close();
        assertEquals(0, ledger.inFlight());
        assertEquals(3 + 4 + 5 + 6 + 7, dropped.messages());
        assertEquals(30 + 40 + 50 + 60 + 70, dropped.bytes());
        assertEquals(5, caught.size(), "each failed write fires its cause down the pipeline");
        caught.forEach(c -> assertTrue(c instanceof ClosedChannelException, c::toString));
    }

    @Test
    void aWriteFailedWhileBeingWrittenIsCountedNotTheOldestOneInFlight() {
        WriteLedger ledger = ledger();
        channel.pipeline().addFirst(refusingThreeByteWrites()); // after the ledger was made
        ledger.write(bytes(10), 1, 10);
        channel.allowance = 0;
        channel.flush();   // the first write waits, flushed
        ledger.write(bytes(3), 2, 3);   // fails at once
        ledger.write(bytes(30), 4, 30);
        assertEquals(2, dropped.messages(), "the refused write's messages, not the oldest write's");
        assertEquals(3, dropped.bytes());
        assertEquals(2, ledger.inFlight());
        flush(Integer.MAX_VALUE);
        assertEquals(0, ledger.inFlight());
        assertEquals(2, dropped.messages(), "the others left");
        assertEquals(1, caught.size());
        assertEquals("refused", caught.get(0).getMessage());
    }

    @Test
    void aWriteAfterTheCloseFailsAtOnceAndIsCounted() {
        WriteLedger ledger = ledger();
        ledger.write(bytes(10), 1, 10);
        channel.close();
        assertEquals(1, dropped.messages());
        ledger.write(bytes(25), 3, 25);
        assertEquals(4, dropped.messages());
        assertEquals(35, dropped.bytes());
        assertEquals(0, ledger.inFlight());
    }

    @Test
    void theRingWrapsAndGrowsAndKeepsTheOrder() {
        WriteLedger ledger = ledger();
        ArrayDeque<Integer> model = new ArrayDeque<>();   // the sizes in flight, oldest first
        int next = 1;
        for (int round = 0; round < 40; round++) {
            int writes = 1 + round % 7;
            for (int i = 0; i < writes; i++, next++) {
                ledger.write(bytes(next % 50 + 1), next, next % 50 + 1);
                model.add(next);
            }
            int leave = round % 5;
            flush(leave);
            for (int i = 0; i < leave && !model.isEmpty(); i++) {
                model.poll();
            }
            assertEquals(model.size(), ledger.inFlight());
        }
        long messages = 0;
        long size = 0;
        for (int w : model) {
            messages += w;
            size += w % 50 + 1;
        }
        assertTrue(model.size() > 8, "the ring grew: " + model.size());
        channel.close();
        assertEquals(messages, dropped.messages(), "exactly the writes that never left");
        assertEquals(size, dropped.bytes());
    }

    @Test
    void theLedgerIsANeverDonePromiseWithoutListeners() {
        WriteLedger ledger = ledger();
        assertFalse(ledger.isDone());
        assertFalse(ledger.isVoid());
        assertTrue(ledger.setUncancellable());
        assertFalse(ledger.cancel(true));
        assertEquals(channel, ledger.channel());
        assertThrows(IllegalStateException.class, () -> ledger.addListener(f -> { }), "outside a write");
        assertThrows(IllegalStateException.class, () -> ledger.removeListener(f -> { }), "outside a write");
        assertThrows(IllegalStateException.class, ledger::sync);
        assertThrows(IllegalStateException.class, ledger::setSuccess, "no write in flight");
        assertFalse(ledger.trySuccess());
    }

    /**
     * An outbound handler added after the ledger was made that listens to each write it passes on,
     * before {@code ctx.write} (as Netty's write timeout does) and on what it returns (as a write
     * idle handler does): its listeners hear each write's own outcome.
     */
    private final class Listening extends ChannelOutboundHandlerAdapter {
        /** The size of each write whose listener was told success, and was told failure, in that order. */
        final List<Integer> succeeded = new ArrayList<>();
        final List<Integer> failed = new ArrayList<>();
        final List<Throwable> causes = new ArrayList<>();
        int after;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            int size = ((ByteBuf) msg).readableBytes();
            promise.addListener(f -> (f.isSuccess() ? succeeded : failed).add(size));
            GenericFutureListener<Future<? super Void>> removed = f -> after += 1000;
            promise.addListener(removed);
            promise.removeListener(removed);
            ctx.write(msg, promise).addListener(f -> {
                after++;
                if (!f.isSuccess()) {
                    causes.add(f.cause());
                }
            });
        }
    }

    @Test
    void listenersAddedWhileAWriteIsHandedOnHearThatWritesOutcomeInOrder() {
        WriteLedger ledger = ledger();
        Listening listening = new Listening();
        channel.pipeline().addFirst(listening);
        for (int i = 1; i <= 20; i++) {   // the ring and its promises grow from 4 to 32 slots
            ledger.write(bytes(i), 1, i);
        }
        flush(12);
        assertEquals(IntStream.rangeClosed(1, 12).boxed().toList(), listening.succeeded);
        assertEquals(12, listening.after, "the listener on ctx.write's result, once per write; the removed one never");
        ledger.write(bytes(21), 1, 21);   // not flushed
        channel.close();
        assertEquals(IntStream.rangeClosed(13, 21).boxed().toList(), listening.failed);
        assertEquals(21, listening.after);
        assertEquals(9, dropped.messages());
        assertEquals(IntStream.rangeClosed(13, 21).sum(), dropped.bytes());
        listening.causes.forEach(c -> assertTrue(c instanceof ClosedChannelException, c::toString));
        assertEquals(9, listening.causes.size());
        assertEquals(0, ledger.inFlight());
    }

    @Test
    void aListenerOfAWriteThatFailsWhileBeingWrittenHearsItsCause() {
        WriteLedger ledger = ledger();
        channel.pipeline().addFirst(refusingThreeByteWrites()); // closest to the socket
        Listening listening = new Listening();
        channel.pipeline().addLast(listening);   // sees each write first, then hands it on
        ledger.write(bytes(10), 1, 10);
        ledger.write(bytes(3), 2, 3);   // fails at once: both its listeners hear it, the one added after it failed too
        assertEquals(List.of(3), listening.failed);
        assertEquals(1, listening.after);
        assertEquals("refused", listening.causes.get(0).getMessage());
        assertEquals(2, dropped.messages());
        flush(Integer.MAX_VALUE);
        assertEquals(List.of(10), listening.succeeded);
        assertEquals(2, listening.after);
        assertEquals(List.of(3), listening.failed);
        assertEquals(2, dropped.messages(), "the refused write's alone");
    }

    @Test
    void onlyPipelinesWhoseOutboundHandlersPassPromisesThroughGetALedger() {
        channel.pipeline().addLast(new IdleStateHandler(5, 0, 0, TimeUnit.SECONDS));
        assertNotNull(WriteLedger.of(channel, dropped), "a read idle handler passes writes through");

        EmbeddedChannel writeIdle = new EmbeddedChannel(new IdleStateHandler(0, 5, 0, TimeUnit.SECONDS));
        assertNull(WriteLedger.of(writeIdle, dropped), "a write idle handler listens to each write");
        writeIdle.finishAndReleaseAll();

        EmbeddedChannel user = new EmbeddedChannel(new ChannelDuplexHandler());
        assertNull(WriteLedger.of(user, dropped), "an unknown outbound handler");
        user.finishAndReleaseAll();

        EmbeddedChannel inbound = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        assertNotNull(WriteLedger.of(inbound, dropped), "inbound handlers do not see writes");
        inbound.finishAndReleaseAll();
    }

    /** An outbound handler that throws on every 3-byte write (releasing it) and passes the rest on. */
    private static ChannelOutboundHandlerAdapter refusingThreeByteWrites() {
        return new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
                if (((ByteBuf) msg).readableBytes() == 3) {
                    ReferenceCountUtil.release(msg);
                    throw new IllegalStateException("refused");
                }
                ctx.write(msg, promise);
            }
        };
    }
}
