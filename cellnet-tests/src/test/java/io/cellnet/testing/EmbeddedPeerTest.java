package io.cellnet.testing;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.EventHooker;
import io.cellnet.PeerState;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The harness itself: lifecycle, queues, hookers, time and buffer ownership. */
class EmbeddedPeerTest {
    private static final String HELLO = "0d004112050068656c6c6fd2040000";
    private static final TestEchoAck HELLO_MSG = new TestEchoAck("hello", 1234);

    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private EmbeddedPeer peer;

    private EmbeddedPeer build(UnaryOperator<EmbeddedPeerBuilder> more) {
        peer = more.apply(EmbeddedPeer.builder().registry(NetFixtures.registry()).option(ChannelOption.ALLOCATOR, alloc))
                .build();
        return peer;
    }

    @AfterEach
    void nothingLeaks() {
        peer.close();
        assertEquals(0, alloc.metric().usedHeapMemory() + alloc.metric().usedDirectMemory(), "a buffer leaked");
    }

    @Test
    void builtRunningWithAnAcceptedSessionOfThisPeer() {
        build(b -> b.name("unit"));
        RecvMsgEvent accepted = peer.events().expectEvent(SessionAccepted.class);
        assertSame(peer.session(), accepted.session());
        assertSame(peer, peer.session().peer());
        assertEquals(1, peer.session().id());
        assertEquals(PeerState.RUNNING, peer.state());
        assertEquals("embedded.Peer", peer.typeName());
        assertTrue(peer.session().isOpen());
        assertSame(peer.channel(), peer.session().as(io.netty.channel.Channel.class));
    }

    @Test
    void theClientSideStartsWithSessionConnected() {
        build(EmbeddedPeerBuilder::client);
        peer.events().expect(SessionConnected.class);
    }

    @Test
    void stopFlushesGracefullyAndStartOpensANewSessionWithTheNextId() {
        build(b -> b.idBase(10));
        peer.events().expect(SessionAccepted.class);
        peer.session().send(HELLO_MSG);
        peer.session().send(HELLO_MSG);
        peer.stop().join();
        assertEquals(PeerState.STOPPED, peer.state());
        assertEquals(HELLO + HELLO, peer.readOutboundHex());
        peer.events().expectClosed(CloseReason.MANUAL);
        peer.start().join();
        assertEquals(11, peer.events().expectEvent(SessionAccepted.class).session().id());
        assertEquals(SendResult.QUEUED, peer.send(HELLO_MSG));
        assertEquals(HELLO, peer.readOutboundHex());
    }

    @Test
    void aRestartClearsTheRecordedEventsAndClearForgetsThemAtAnyTime() {
        build(b -> b);
        peer.events().expect(SessionAccepted.class);
        peer.writeInbound(peer.encodeHex(HELLO_MSG));
        peer.stop().join();   // the TestEchoAck and the SessionClosed are left unread
        assertEquals(2, peer.events().size());
        peer.start().join();
        assertEquals(SessionAccepted.class, peer.events().poll().message().getClass(),
                "the new connection's events only");
        peer.writeInbound(peer.encodeHex(HELLO_MSG));
        assertEquals(1, peer.events().clear());
        peer.events().assertNoMoreEvents();
    }

    @Test
    void withAManualQueueCallbacksAndTheirRepliesWaitForTheTest() {
        ManualEventQueue queue = new ManualEventQueue();
        build(b -> b.queue(queue).callback(ev -> {
            if (ev.message() instanceof TestEchoAck) {
                ev.reply(ev.message());
            }
        }));
        peer.writeInbound(HELLO);
        assertNull(peer.events().pollOrNull(Duration.ZERO), "the callback ran before the queue did");
        assertEquals(2, queue.pending());
        assertEquals("", peer.readOutboundHex());
        assertEquals(2, queue.runAll());
        peer.events().expect(SessionAccepted.class);
        assertEquals(HELLO_MSG, peer.events().expect(TestEchoAck.class));
        assertEquals(HELLO, peer.readOutboundHex());
    }

    @Test
    void hookersSeeEventsBothWays() {
        List<String> seen = new ArrayList<>();
        EventHooker hooker = new EventHooker() {
            @Override
            public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
                seen.add("in " + event.message().getClass().getSimpleName());
                return event.message() instanceof TestEchoAck m && m.Value() < 0 ? null : event;
            }

            @Override
            public @Nullable SendMsgEvent onOutboundEvent(SendMsgEvent event) {
                seen.add("out " + event.message());
                return event.message() instanceof TestEchoAck m && m.Value() < 0 ? null : event;
            }
        };
        build(b -> b.bundle(io.cellnet.proc.Processors.bundle("tcp.ltv", ev -> { }).withHooker(hooker)));
        peer.writeInbound(peer.encodeHex(new TestEchoAck("hidden", -1)));
        assertEquals(SendResult.QUEUED, peer.send(new TestEchoAck("dropped", -2)));
        assertEquals("", peer.readOutboundHex());
        peer.events().expect(SessionAccepted.class);
        peer.events().assertNoMoreEvents();
        assertEquals(List.of("in SessionAccepted", "in TestEchoAck", "out TestEchoAck[Msg=dropped, Value=-2]"), seen);
    }

    @Test
    void closeFromRemoteIsAnIoCloseAndInputAfterItIsRefusedAndReleased() {
        build(b -> b);
        peer.events().expect(SessionAccepted.class);
        peer.closeFromRemote();
        assertEquals(null, peer.events().expectClosed(CloseReason.IO).cause());
        ByteBuf late = alloc.buffer().writeByte(1);
        assertThrows(IllegalStateException.class, () -> peer.writeInbound(late));
        assertEquals(0, late.refCnt());
        assertFalse(peer.session().isOpen());
    }

    @Test
    void advanceTimeByRunsTimersInTimeOrderEachAtItsOwnTime() {
        build(b -> b);
        var loop = peer.channel().eventLoop();
        long start = loop.ticker().nanoTime();
        List<String> fired = new ArrayList<>();
        for (int s : new int[] {3, 1, 2}) {
            loop.schedule(() -> fired.add(s + "s@" + TimeUnit.NANOSECONDS.toSeconds(loop.ticker().nanoTime() - start)),
                    s, TimeUnit.SECONDS);
        }
        loop.schedule(() -> fired.add("late"), 10, TimeUnit.SECONDS);
        peer.advanceTimeBy(Duration.ofMillis(999));
        assertEquals(List.of(), fired);
        peer.advanceTimeBy(Duration.ofSeconds(5));
        assertEquals(List.of("1s@1", "2s@2", "3s@3"), fired);
        assertThrows(IllegalArgumentException.class, () -> peer.advanceTimeBy(Duration.ofMillis(-1)));
    }

    @Test
    void rawOutboundFramesBelongToTheCallerAndUnreadOnesAreReleasedByClose() {
        build(b -> b);
        peer.send(HELLO_MSG);
        Object frame = peer.readOutbound();
        ByteBuf buf = assertInstanceOf(ByteBuf.class, frame);
        assertEquals(15, buf.readableBytes());
        buf.release();
        assertNull(peer.readOutbound());
        peer.send(HELLO_MSG);
        peer.send(HELLO_MSG);
        // left unread: close() releases them (checked after the test)
    }

    @Test
    void encodeHexIsTheTransmittersFrameAndRefusalsAreArgumentErrors() {
        build(b -> b);
        assertEquals(HELLO, peer.encodeHex(HELLO_MSG));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> peer.encodeHex("not registered"));
        assertTrue(e.getMessage().contains("not registered"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> peer.encodeHex(new TestEchoAck("x".repeat(65528), 0)));
    }
}
