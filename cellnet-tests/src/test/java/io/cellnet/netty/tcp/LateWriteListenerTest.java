package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellnet.CloseReason;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.EchoTestCodec;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.WriteLedger;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.WriteTimeoutException;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Outbound handlers added to a session's channel after it started (through
 * {@code session.as(Channel.class)}) that listen to each write, like Netty's
 * {@link WriteTimeoutHandler}, on a connection whose writes share a {@link WriteLedger}: each
 * listener hears its own write's outcome, and the close still counts what never left, exactly.
 */
class LateWriteListenerTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final RecordingEventCallback events = new RecordingEventCallback();

    /** Listens to each write it passes on, as a write idle handler does, and tallies the outcomes. */
    private static final class Tally extends ChannelOutboundHandlerAdapter {
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong seenBytes = new AtomicLong();
        final AtomicLong succeededBytes = new AtomicLong();
        final AtomicLong failedBytes = new AtomicLong();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            long size = ((ByteBuf) msg).readableBytes();
            writes.incrementAndGet();
            seenBytes.addAndGet(size);
            ctx.write(msg, promise).addListener(f -> {
                if (f.isSuccess()) {
                    succeededBytes.addAndGet(size);
                    succeeded.incrementAndGet();
                } else {
                    failedBytes.addAndGet(size);
                    failed.incrementAndGet();
                }
            });
        }
    }

    /** The accepted session's channel, checked to share a write ledger, with {@code handlers} added first. */
    private static Channel addLater(Session session, ChannelHandler... handlers) throws Exception {
        Link link = (Link) Objects.requireNonNull(session.as(NettySession.class)).transport();
        assumeTrue(WriteLedger.ENABLED, "-Dcellnet.writeLedger=false");
        assertTrue(link.usesWriteLedger(), "a plain tcp.ltv connection shares a write ledger");
        Channel ch = Objects.requireNonNull(session.as(Channel.class));
        ch.eventLoop().submit(() -> ch.pipeline().addFirst(handlers)).get(5, TimeUnit.SECONDS);
        return ch;
    }

    private static int frameSize(TestEchoAck m) {
        return EchoTestCodec.INSTANCE.encode(m).length + 4;
    }

    @Test
    void aWriteTimeoutAndAListenerAddedAfterTheStartHearEachWriteSucceed() throws Exception {
        Duration timeout = Duration.ofSeconds(1);
        TcpAcceptor server = net.start(net.tcpAcceptor(events, b -> b));
        try (RawClient client = new RawClient(server.port())) {
            Session session = events.expectEvent(SessionAccepted.class).session();
            Tally tally = new Tally();
            // the tally sees each write first, then the write timeout (closer to the socket)
            addLater(session, new WriteTimeoutHandler(timeout.toMillis(), TimeUnit.MILLISECONDS), tally);
            int n = 20;
            long bytes = 0;
            for (int i = 0; i < n; i++) {   // one write each: the previous one was read before the next is sent
                TestEchoAck m = new TestEchoAck("late listener", i);
                assertEquals(SendResult.QUEUED, session.send(m));
                client.read(frameSize(m));
                bytes += frameSize(m);
            }
            long all = bytes;
            await().atMost(Duration.ofSeconds(5)).until(() -> tally.succeededBytes.get() == all);
            assertEquals(n, tally.writes.get());
            assertEquals(n, tally.succeeded.get(), "one success per write");
            assertEquals(0, tally.failed.get());
            // the write timeout's listeners heard the writes complete too: no timeout closes the session
            await().during(timeout.multipliedBy(2)).atMost(timeout.multipliedBy(2).plusSeconds(2))
                    .until(session::isOpen);
        }
        assertEquals(0, events.expect(SessionClosed.class).droppedMessages());
    }

    @Test
    void aWriteTimeoutAddedAfterTheStartStillClosesASessionWhoseWritesDoNotComplete() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(events, b -> b.socketBuffer(-1, 4096, true)));
        try (RawClient stalled = new RawClient(server.port())) {
            Session session = events.expectEvent(SessionAccepted.class).session();
            Tally tally = new Tally();
            addLater(session, new WriteTimeoutHandler(300, TimeUnit.MILLISECONDS), tally);
            int queued = 0;
            while (session.send(SlowConsumerTest.BIG) == SendResult.QUEUED) {
                queued++;   // fill the socket and the outbound buffer: the client never reads
            }
            SessionClosed closed = events.expect(SessionClosed.class);
            assertEquals(CloseReason.IO, closed.reason());
            assertInstanceOf(WriteTimeoutException.class, closed.cause(), closed::toString);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> tally.succeeded.get() + tally.failed.get() == tally.writes.get());
            assertTrue(tally.failed.get() > 0, "the writes that timed out failed: " + tally.failed);
            assertTrue(closed.droppedMessages() > 0 && closed.droppedMessages() <= queued, closed::toString);
            stalled.readUntilClosed();
        }
    }

    @Test
    void aResetFailsTheListenersAndTheCloseStillCountsExactlyWhatNeverLeft() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(events, b -> b));
        Socket client = net.closeAfterTest(new Socket(InetAddress.getLoopbackAddress(), server.port()));
        client.setReceiveBufferSize(4096);
        Session session = events.expectEvent(SessionAccepted.class).session();
        Tally tally = new Tally();
        addLater(session, tally);
        String big = "x".repeat(1000);
        int frame = frameSize(new TestEchoAck(big, 0));
        int queued = 0;
        while (session.send(new TestEchoAck(big, queued)) == SendResult.QUEUED) {   // until the 4 MiB bound
            queued++;
        }
        assertEquals(frame, frameSize(new TestEchoAck(big, queued)), "all frames are the same size");
        client.setSoLinger(true, 0);
        client.close();   // RST: the client is gone with data unread

        SessionClosed closed = events.expect(SessionClosed.class);
        assertEquals(CloseReason.IO, closed.reason());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> tally.succeeded.get() + tally.failed.get() == tally.writes.get());
        assertTrue(tally.failed.get() > 0, "writes waiting in the channel failed: " + tally.failed);
        long written = tally.succeededBytes.get();
        assertEquals(0, written % frame, "writes carry whole frames");
        assertEquals((long) queued * frame - written, closed.droppedBytes(), closed::toString);
        assertEquals(queued - written / frame, closed.droppedMessages(), closed::toString);
        long neverHanded = (long) queued * frame - tally.seenBytes.get();
        assertEquals(tally.failedBytes.get() + neverHanded, closed.droppedBytes(),
                "the failed writes the listeners heard, and what was still held when the session closed");
    }
}
