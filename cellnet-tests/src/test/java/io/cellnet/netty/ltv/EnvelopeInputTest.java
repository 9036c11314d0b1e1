package io.cellnet.netty.ltv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.MessageRegistry;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.netty.EchoTestCodec;
import io.cellnet.netty.LtvFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import io.cellnet.netty.internal.wire.RelayACK;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import io.cellnet.relay.NoMessage;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.testing.EmbeddedPeer;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile RPC and relay envelopes from the wire, through the default {@code tcp.ltv} pipeline and
 * hookers (docs/rpc.md, docs/relay.md): answers to calls nobody made and envelopes whose inner
 * message is unknown, a system message or undecodable are dropped without reaching the callback,
 * and the session stays open; a relay without a message arrives with {@link NoMessage}, never null.
 */
class EnvelopeInputTest {
    private static final MessageRegistry REGISTRY = NetFixtures.registry();
    private static final TestEchoAck HELLO = new TestEchoAck("hello", 1234);
    private static final int ECHO_ID = REGISTRY.byType(TestEchoAck.class).id();
    private static final byte[] ECHO_BODY = EchoTestCodec.INSTANCE.encode(HELLO);

    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private EmbeddedPeer peer;

    @BeforeEach
    void open() {
        peer = EmbeddedPeer.builder().registry(REGISTRY).option(ChannelOption.ALLOCATOR, alloc).build();
        peer.events().expect(SessionAccepted.class);
    }

    @AfterEach
    void close() {
        peer.close();
        assertEquals(0, alloc.metric().usedDirectMemory() + alloc.metric().usedHeapMemory());
    }

    static Stream<Arguments> dropped() {
        int closedId = REGISTRY.byType(SessionClosed.class).id();
        int acceptedId = REGISTRY.byType(SessionAccepted.class).id();
        byte[] garbage = {(byte) 0xff};
        return Stream.of(
                Arguments.of("rpc answer to a call never made", new RemoteCallACK(ECHO_ID, ECHO_BODY, 99)),
                Arguments.of("rpc answer with garbage to no call", new RemoteCallACK(ECHO_ID, garbage, 7)),
                Arguments.of("rpc request with an unknown inner id", new RemoteCallREQ(0x1234, new byte[0], 1)),
                Arguments.of("rpc request carrying SessionClosed", new RemoteCallREQ(closedId, new byte[0], 2)),
                Arguments.of("rpc request with an undecodable body", new RemoteCallREQ(ECHO_ID, garbage, 3)),
                Arguments.of("relay with an unknown inner id", relay(0x1234, new byte[0])),
                Arguments.of("relay carrying SessionAccepted", relay(acceptedId, new byte[0])),
                Arguments.of("relay with an undecodable payload", relay(ECHO_ID, garbage)),
                Arguments.of("rpc request carrying an rpc answer", new RemoteCallREQ(20476,
                        ProtoplusCodec.INSTANCE.encode(new RemoteCallACK(ECHO_ID, ECHO_BODY, 5)), 4)),
                Arguments.of("relay carrying an rpc request", relay(58645,
                        ProtoplusCodec.INSTANCE.encode(new RemoteCallREQ(ECHO_ID, ECHO_BODY, 6)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dropped")
    void aHostileEnvelopeIsDroppedAndTheSessionServesOn(String name, Object envelope) {
        peer.writeInbound(peer.encodeHex(envelope)).writeInbound(LtvFrames.frame(HELLO));
        assertEquals(HELLO, peer.events().expect(TestEchoAck.class), "the envelope reached no callback");
        peer.events().assertNoMoreEvents();
        assertTrue(peer.channel().isOpen());
    }

    @Test
    void aRelayWithoutAMessageArrivesWithNoMessageNeverNull() {
        peer.writeInbound(peer.encodeHex(new RelayACK(new byte[0], 0, new byte[] {1, 2, 3}, 42, new long[0], "")));
        RecvMsgEvent ev = peer.events().poll();
        RelayRecvMsgEvent relayed = (RelayRecvMsgEvent) ev;
        assertSame(NoMessage.INSTANCE, relayed.message());
        assertFalse(relayed.hasMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, relayed.passThroughAsBytes());
        assertEquals(42, relayed.passThroughAsInt64());
        assertTrue(peer.channel().isOpen());
    }

    private static RelayACK relay(int msgId, byte[] msg) {
        return new RelayACK(msg, msgId, new byte[0], 0, new long[0], "");
    }
}
