package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SlowConsumerException;
import io.cellnet.SlowConsumerPolicy;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.EchoTestCodec;
import io.cellnet.netty.Figures;
import io.cellnet.netty.Hold;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.Stable;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.OutboundBuffer;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that never reads while the server sends 100 MB: the server's memory (the accounting
 * allocator) stays within {@link #BOUND} and the slow-consumer policy fires.
 */
class SlowConsumerTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    static final int LOW = 256 << 10;
    static final int HIGH = 1 << 20;
    static final long TOTAL = 100L << 20;
    static final TestEchoAck BIG = new TestEchoAck("x".repeat(60_000), 1);
    static final int FRAME = EchoTestCodec.INSTANCE.encode(BIG).length + 4;
    /**
     * The memory bound: unwritten bytes stay within the high watermark plus one frame; buffers grow
     * by doubling (up to twice their content); and the buffer being written keeps its capacity
     * until its last byte is out (one stream chunk plus one frame, doubled).
     */
    static final long BOUND = 2L * (HIGH + FRAME) + 2L * (OutboundBuffer.STREAM_CHUNK + FRAME);

    private final RecordingEventCallback events = new RecordingEventCallback();

    @Test
    void refuseKeepsMemoryBoundedAndRecoversOnceTheClientReads() throws Exception {
        TcpAcceptor server = net.tcpAcceptor(events, b -> b.outboundLimit(LOW, HIGH, SlowConsumerPolicy.REFUSE));
        server.start().join();
        try (RawClient client = new RawClient(server.port())) {
            Session session = events.expectEvent(SessionAccepted.class).session();
            Map<SendResult, Integer> results = new EnumMap<>(SendResult.class);
            long peak = 0;
            for (long sent = 0; sent < TOTAL; sent += FRAME) {
                results.merge(session.send(BIG), 1, Integer::sum);
                peak = Math.max(peak, net.usedMemory());
            }
            int queued = results.getOrDefault(SendResult.QUEUED, 0);
            assertTrue(peak <= BOUND, "peak " + peak + " > " + BOUND);
            assertTrue(results.getOrDefault(SendResult.OVERFLOW, 0) > 0, results.toString());
            assertEquals(Map.of(SendResult.QUEUED, queued, SendResult.OVERFLOW, (int) (TOTAL / FRAME) + 1 - queued),
                    results);
            Figures.record("slow consumer REFUSE", "100 MB offered, " + queued + " frames of " + FRAME
                    + " B queued, peak " + peak + " B, bound " + BOUND + " B");
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> client.readBytes((long) queued * FRAME));
            await("sends accepted again").atMost(NetFixtures.WAIT).until(() -> session.as(Channel.class).isWritable());
            assertEquals((long) queued * FRAME, read.get(10, TimeUnit.SECONDS), "every queued frame arrives");
            assertEquals(SendResult.QUEUED, session.send(BIG));
            assertTrue(session.isOpen());
        }
    }

    @Test
    void pendingAndChannelBytesCountTogetherAgainstTheHighWatermark() throws Exception {
        TcpAcceptor server = net.tcpAcceptor(events, b -> b.outboundLimit(LOW, HIGH, SlowConsumerPolicy.REFUSE)
                .socketBuffer(-1, 4096, true));
        server.start().join();
        try (RawClient client = new RawClient(server.port())) {
            Session session = events.expectEvent(SessionAccepted.class).session();
            Channel ch = session.as(Channel.class);
            try (Hold hold = Hold.on(ch.eventLoop())) {
                for (int i = 0; i < HIGH / FRAME - 2; i++) {
                    assertEquals(SendResult.QUEUED, session.send(BIG));
                }
                hold.release();
            }
            // the loop writes what is pending; the kernel takes what fits, the rest waits in Netty
            await().pollInterval(Duration.ofMillis(20)).during(Duration.ofMillis(200)).atMost(NetFixtures.WAIT)
                    .until(new Stable(ch::bytesBeforeUnwritable));
            assertTrue(ch.isWritable());
            long room;
            int more = 0;
            try (Hold hold = Hold.on(ch.eventLoop())) {
                // nothing moves while the loop is held: the room left under the watermark is fixed
                room = ch.bytesBeforeUnwritable();
                while (session.send(BIG) == SendResult.QUEUED) {
                    more++;
                }
                long used = net.usedMemory();
                assertTrue(used <= BOUND, "used " + used + " > " + BOUND + " after " + more + " more frames");
                hold.release();
            }
            assertEquals((room + FRAME - 1) / FRAME, more, "frames accepted into " + room + " bytes of room");
            assertTrue(client.localPort() > 0);
        }
    }

    @Test
    void closePolicyClosesTheSessionWithSlowConsumerException() throws Exception {
        TcpAcceptor server = net.tcpAcceptor(events, b -> b.outboundLimit(LOW, HIGH, SlowConsumerPolicy.CLOSE));
        server.start().join();
        try (RawClient client = new RawClient(server.port())) {
            Session session = events.expectEvent(SessionAccepted.class).session();
            SendResult last = SendResult.QUEUED;
            long peak = 0;
            for (long sent = 0; sent < TOTAL && last == SendResult.QUEUED; sent += FRAME) {
                last = session.send(BIG);
                peak = Math.max(peak, net.usedMemory());
            }
            assertEquals(SendResult.OVERFLOW, last);
            assertTrue(peak <= BOUND, "peak " + peak + " > " + BOUND);
            SessionClosed closed = events.expect(SessionClosed.class);
            assertEquals(CloseReason.IO, closed.reason());
            assertInstanceOf(SlowConsumerException.class, closed.cause());
            assertEquals(SendResult.CLOSED, session.send(BIG));
            client.readUntilClosed();
        }
    }

    @Test
    void gracefulCloseAndStopWithAStalledReaderEndWithinTheCloseTimeout() throws Exception {
        Duration closeTimeout = Duration.ofMillis(300);
        TcpAcceptor server = net.tcpAcceptor(events, b -> b.closeTimeout(closeTimeout));
        server.start().join();
        try (RawClient first = new RawClient(server.port()); RawClient second = new RawClient(server.port())) {
            Session stalled = NetFixtures.fillUntilRefused(events.expectEvent(SessionAccepted.class).session(), BIG);
            Session other = NetFixtures.fillUntilRefused(events.expectEvent(SessionAccepted.class).session(), BIG);
            Duration closed = NetFixtures.timed(() -> {
                stalled.close();
                assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
            });
            Duration stopped = NetFixtures.timed(() -> server.stop().orTimeout(5, TimeUnit.SECONDS).join());
            for (Duration took : List.of(closed, stopped)) {
                assertTrue(took.compareTo(closeTimeout.minusMillis(50)) >= 0 && took.compareTo(closeTimeout.plusSeconds(1)) < 0,
                        "took " + took.toMillis() + " ms");
            }
            assertEquals(CloseReason.MANUAL, events.expect(SessionClosed.class).reason());
            assertTrue(!other.isOpen() && first.localPort() > 0 && second.localPort() > 0);
            Figures.record("stalled graceful close", "closeTimeout " + closeTimeout.toMillis() + " ms: session.close() took "
                    + closed.toMillis() + " ms, acceptor stop() took " + stopped.toMillis() + " ms");
        }
    }
}
