package io.cellnet.netty.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.cellnet.CloseReason;
import io.cellnet.EventHooker;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.proc.Processors;
import io.cellnet.testing.EmbeddedPeer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The heartbeat hooker on the embedded harness: pings on virtual time, pongs, and the timeout. */
class HeartbeatHookerTest {
    record Ping(int Seq) {
    }

    record Pong(int Seq) {
    }

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private EmbeddedPeer peer;

    @BeforeEach
    void connect() {
        MessageRegistry registry = NetFixtures.registry();
        registry.register(MessageMeta.of(Ping.class, "test.Ping", BinaryCodec.INSTANCE));
        registry.register(MessageMeta.of(Pong.class, "test.Pong", BinaryCodec.INSTANCE));
        EventHooker heartbeat = HeartbeatHooker.builder(Ping.class, () -> new Ping(0), Pong.class, p -> new Pong(p.Seq()))
                .sendPings(INTERVAL, 2).build();
        peer = EmbeddedPeer.builder().client().registry(registry)
                .bundle(Processors.bundle("tcp.ltv", ev -> { }).withHooker(heartbeat)).build();
        peer.events().expect(SessionConnected.class);
    }

    @AfterEach
    void close() {
        peer.close();
    }

    @Test
    void pingsEveryIntervalAndAPongResetsTheCount() {
        String ping = peer.encodeHex(new Ping(0));
        peer.advanceTimeBy(INTERVAL.minusMillis(1));
        assertEquals("", peer.readOutboundHex());
        peer.advanceTimeBy(Duration.ofMillis(1));
        assertEquals(ping, peer.readOutboundHex());
        peer.advanceTimeBy(INTERVAL);
        assertEquals(ping, peer.readOutboundHex());
        peer.writeInbound(peer.encodeHex(new Pong(0)));
        peer.advanceTimeBy(INTERVAL.multipliedBy(2));
        assertEquals(ping + ping, peer.readOutboundHex(), "the pong did not reset the missed count");
        peer.events().assertNoMoreEvents();
    }

    @Test
    void closesAfterMaxMissedPingsWithAHeartbeatTimeout() {
        peer.advanceTimeBy(INTERVAL.multipliedBy(2));
        peer.events().assertNoMoreEvents();
        peer.advanceTimeBy(INTERVAL);
        SessionClosed closed = peer.events().expectClosed(CloseReason.IO);
        assertInstanceOf(HeartbeatTimeoutException.class, closed.cause());
        peer.readOutboundHex();
        peer.advanceTimeBy(INTERVAL.multipliedBy(10));
        assertEquals("", peer.readOutboundHex(), "pings after the close");
    }

    @Test
    void answersPingsSwallowsThemAndPassesOtherMessagesOn() {
        peer.writeInbound(peer.encodeHex(new Ping(7)) + peer.encodeHex(new TestEchoAck("hi", 1)));
        assertEquals(peer.encodeHex(new Pong(7)), peer.readOutboundHex());
        assertEquals(new TestEchoAck("hi", 1), peer.events().expect(TestEchoAck.class));
        peer.events().assertNoMoreEvents();
    }
}
