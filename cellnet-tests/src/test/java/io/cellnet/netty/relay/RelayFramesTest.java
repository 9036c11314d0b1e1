package io.cellnet.netty.relay;

import io.cellnet.relay.Relay;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.relay.NoMessage;
import static io.cellnet.netty.GoFrames.bytes;
import static io.cellnet.netty.GoFrames.compact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.MessageRegistry;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.codec.Codec;
import io.cellnet.netty.GoFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.cellnet.netty.internal.wire.RelayACK;
import io.cellnet.testing.FakeSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's relay frame of reference §6.4, and how {@link Relay#relay} classifies its arguments. */
class RelayFramesTest {
    private static final TestEchoAck HELLO = new TestEchoAck("hello", 1234);

    static Stream<Arguments> frames() {
        return Stream.of(Arguments.of("json", JsonCodec.INSTANCE, GoFrames.RELAY_JSON),
                Arguments.of("binary", BinaryCodec.INSTANCE, GoFrames.RELAY_BINARY));
    }

    private static RelayACK relayOf(Codec codec, Object... args) {
        FakeSession session = new FakeSession().registry(NetFixtures.registry(codec));
        assertEquals(SendResult.QUEUED, Relay.relay(session, args));
        return (RelayACK) session.sent().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void relayEncodesGoBytesWhole(String name, Codec codec, String frame) {
        RelayACK ack = relayOf(codec, HELLO, 1000L, new long[] {-1, 2, 0}, "passthrough");
        ByteBuf out = Unpooled.buffer();
        try {
            LtvTransmitter.INSTANCE.encode(ack, NetFixtures.registry(codec), out);
            assertEquals(compact(frame), ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
        assertEquals(name.equals("json") ? 67 : 50, bytes(frame).length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void goBytesDecodeToARelayEventWithEveryField(String name, Codec codec, String frame) {
        RelayACK ack = (RelayACK) GoFrames.decodeFrame(MessageRegistry.create(), bytes(frame));
        FakeSession session = new FakeSession().registry(NetFixtures.registry(codec));
        RelayRecvMsgEvent ev = (RelayRecvMsgEvent) RelayHooker.INSTANCE.onInboundEvent(
                new RecvMsgEvent(session, ack));
        assertEquals(HELLO, ev.message());
        assertEquals(1000L, ev.passThroughAsInt64());
        assertArrayEquals(new long[] {-1, 2, 0}, ev.passThroughAsInt64Slice());
        assertEquals("passthrough", ev.passThroughAsString());
        assertArrayEquals(new byte[0], ev.passThroughAsBytes());
    }

    @Test
    void argumentsAreClassifiedByType() {
        RelayACK ack = relayOf(JsonCodec.INSTANCE, "s", List.of(5L, -6L), new byte[] {1, 2}, 7L, HELLO);
        assertEquals(new RelayACK(bytes(GoFrames.ECHO_JSON), 4673, new byte[] {1, 2}, 7, new long[] {5, -6}, "s"), ack);
        assertEquals(new RelayACK(new byte[0], 0, new byte[] {9}, 0, new long[0], ""),
                relayOf(JsonCodec.INSTANCE, new byte[] {9}));
    }

    @Test
    void refusedArgumentsAreIllegalArgumentsNotCrashes() {
        FakeSession session = new FakeSession().registry(NetFixtures.registry(JsonCodec.INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> Relay.relay(session, HELLO, new TestEchoAck("2", 2)));
        assertThrows(IllegalArgumentException.class, () -> Relay.relay(session, HELLO, 10000));
        assertThrows(IllegalArgumentException.class, () -> Relay.relay(session, HELLO, List.of("x")));
        assertEquals(SendResult.ENCODE_FAILED, Relay.relay(session, new Object()));
        assertEquals(List.of(), session.sent());
    }

    @Test
    void relayWithoutMessageDeliversTheNoMessageMarker() {
        FakeSession session = new FakeSession().registry(NetFixtures.registry(JsonCodec.INSTANCE));
        RelayACK bytesOnly = new RelayACK(new byte[0], 0, new byte[] {1, 2, 3}, 42, new long[0], "");
        RelayRecvMsgEvent ev = (RelayRecvMsgEvent) RelayHooker.INSTANCE.onInboundEvent(
                new RecvMsgEvent(session, bytesOnly));
        assertSame(NoMessage.INSTANCE, ev.message());
        assertFalse(ev.hasMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, ev.passThroughAsBytes());
        assertEquals(SendResult.QUEUED, ev.reply(NoMessage.INSTANCE));
        assertEquals(bytesOnly, session.sent().get(0));
    }

    @Test
    void replyKeepsEveryPassthroughValue() {
        FakeSession session = new FakeSession().registry(NetFixtures.registry(JsonCodec.INSTANCE));
        RelayACK in = new RelayACK(new byte[0], 0, new byte[] {4}, 5, new long[] {6}, "seven");
        RelayRecvMsgEvent ev = (RelayRecvMsgEvent) RelayHooker.INSTANCE.onInboundEvent(
                new RecvMsgEvent(session, in));
        ev.reply(HELLO);
        assertEquals(new RelayACK(bytes(GoFrames.ECHO_JSON), 4673, new byte[] {4}, 5, new long[] {6}, "seven"),
                session.sent().get(0));
    }
}
