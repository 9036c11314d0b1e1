package io.cellnet.netty.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellnet.CloseReason;
import io.cellnet.IdleTimeoutException;
import io.cellnet.RawPacket;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.netty.LtvFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.EmbeddedPeer;
import io.cellnet.testing.EmbeddedPeerBuilder;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code tcp.ltv} frame by frame on the embedded harness: Go's byte layout both ways, the receive
 * rules of the reference (§2.1, §2.3), and the read idle timeout on virtual time. Every buffer goes
 * through an accounting allocator that must be empty after each test.
 */
class LtvTransmitterTest {
    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private EmbeddedPeer peer;

    private EmbeddedPeer start(UnaryOperator<EmbeddedPeerBuilder> more) {
        peer = more.apply(EmbeddedPeer.builder().registry(NetFixtures.registry()).option(ChannelOption.ALLOCATOR, alloc)
                .callback(ev -> {
                    if (ev.message() instanceof TestEchoAck) {
                        ev.reply(ev.message());
                    }
                })).build();
        peer.events().expect(SessionAccepted.class);
        return peer;
    }

    @AfterEach
    void everythingReleased() {
        peer.events().assertNoMoreEvents();
        peer.close();
        assertEquals(0, alloc.metric().usedHeapMemory() + alloc.metric().usedDirectMemory(), "a buffer leaked");
    }

    @Test
    void goldenFrameIsDecodedAndEncodedByteForByte() {
        start(b -> b.callback(ev -> { }));
        peer.writeInbound(LtvFrames.HELLO.substring(0, 8) + " " + LtvFrames.HELLO.substring(8));
        assertEquals(new TestEchoAck("hello", 1234), peer.events().expect(TestEchoAck.class));
        assertEquals(SendResult.QUEUED, peer.send(new TestEchoAck("hello", 1234)));
        assertEquals(LtvFrames.HELLO, peer.readOutboundHex());
        assertEquals("", peer.readOutboundHex());
    }

    @Test
    void framesTogetherSplitAndAtTheSizeLimitAreEchoed() {
        start(b -> b.maxPacketSize(100));
        String largest = LtvFrames.frame(new TestEchoAck("x".repeat(91), 7));
        assertEquals("6300", largest.substring(0, 4));
        peer.writeInbound(LtvFrames.HELLO + LtvFrames.HELLO);
        assertEquals(LtvFrames.HELLO + LtvFrames.HELLO, peer.readOutboundHex());
        peer.writeInbound(LtvFrames.HELLO.substring(0, 4)).writeInbound(LtvFrames.HELLO.substring(4, 12)).writeInbound(LtvFrames.HELLO.substring(12));
        assertEquals(LtvFrames.HELLO, peer.readOutboundHex());
        peer.writeInbound(largest);
        assertEquals(largest, peer.readOutboundHex());
        for (int i = 0; i < 4; i++) {
            peer.events().expect(TestEchoAck.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.cellnet.netty.LtvFrames#badInput")
    void badInputClosesTheSessionWithTheCauseAndNothingAfterItIsDecoded(String name, String hex,
            Class<? extends Throwable> cause) {
        start(b -> b.maxPacketSize(100));
        peer.writeInbound(hex + LtvFrames.HELLO);
        SessionClosed closed = peer.events().expectClosed(CloseReason.IO);
        assertInstanceOf(cause, closed.cause());
        assertEquals("", peer.readOutboundHex());
        assertFalse(peer.channel().isOpen());
        assertEquals(SendResult.CLOSED, peer.send(new TestEchoAck("late", 1)));
    }

    @Test
    void aTruncatedFrameThenSilenceIsClosedByTheReadIdleTimeout() {
        start(b -> b.socketDeadline(Duration.ofMillis(200), Duration.ZERO));
        peer.writeInbound("32004112" + "00".repeat(6));
        peer.advanceTimeBy(Duration.ofMillis(199));
        assertNull(peer.events().pollOrNull(Duration.ZERO), "closed before the idle timeout");
        peer.advanceTimeBy(Duration.ofMillis(1));
        SessionClosed closed = peer.events().expectClosed(CloseReason.IO);
        assertInstanceOf(IdleTimeoutException.class, closed.cause());
        assertEquals("", peer.readOutboundHex());
        assertFalse(peer.channel().isOpen());
    }

    @Test
    void oversizeUnregisteredAndSystemMessagesAreRefusedAndTheSessionLivesOn() {
        start(b -> b);
        assertEquals(SendResult.TOO_LARGE, peer.send(new TestEchoAck("x".repeat(65528), 0)));
        assertEquals(SendResult.TOO_LARGE, peer.send(new RawPacket(4673, new byte[65534])));
        assertEquals(SendResult.ENCODE_FAILED, peer.send(new Object()));
        assertEquals(SendResult.ENCODE_FAILED, peer.send(SessionAccepted.INSTANCE));
        assertEquals("", peer.readOutboundHex());
        assertEquals(SendResult.QUEUED, peer.send(new TestEchoAck("hello", 1234)));
        assertEquals(LtvFrames.HELLO, peer.readOutboundHex());
    }

    @Test
    void aHalfCloseStillGetsTheReplyToItsLastRequest() {
        start(b -> b);
        peer.writeInbound(LtvFrames.HELLO).shutdownInputFromRemote();
        assertEquals(LtvFrames.HELLO, peer.readOutboundHex());
        peer.events().expect(TestEchoAck.class);
        peer.events().expectClosed(CloseReason.IO);
        assertFalse(peer.channel().isOpen());
    }
}
