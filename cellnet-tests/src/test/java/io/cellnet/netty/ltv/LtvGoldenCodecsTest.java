package io.cellnet.netty.ltv;

import static io.cellnet.netty.GoFrames.ECHO_BINARY;
import static io.cellnet.netty.GoFrames.ECHO_JSON;
import static io.cellnet.netty.GoFrames.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.TcpAcceptor;
import io.cellnet.codec.Codec;
import io.cellnet.netty.GoFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.EmbeddedPeer;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The frames Go peers exchanged (reference §2.2) through the real {@code tcp.ltv} transmitter and the
 * real json and binary codecs, with no test codec in between: each frame decodes to
 * {@code main.TestEchoACK}, and the message encodes to exactly that frame, frame by frame on the
 * embedded harness and over a TCP socket.
 */
class LtvGoldenCodecsTest {

    static Stream<Arguments> frames() {
        return Stream.of(
                Arguments.of("json", JsonCodec.INSTANCE, "1e00 4112 " + ECHO_JSON, new TestEchoAck("hello", 1234)),
                Arguments.of("json, Go client's first request", JsonCodec.INSTANCE,
                        "1d00 4112 7b224d7367223a2268656c6c6f2030222c2256616c7565223a307d", new TestEchoAck("hello 0", 0)),
                Arguments.of("binary", BinaryCodec.INSTANCE, "0d00 4112 " + ECHO_BINARY, new TestEchoAck("hello", 1234)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void goFrameDecodesToTheMessageAndTheMessageEncodesToTheGoFrame(String name, Codec codec, String frame,
            TestEchoAck message) {
        UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
        try (EmbeddedPeer peer = EmbeddedPeer.builder().registry(NetFixtures.registry(codec))
                .option(ChannelOption.ALLOCATOR, alloc).build()) {
            peer.events().expect(SessionAccepted.class);
            peer.writeInbound(frame);
            assertEquals(message, peer.events().expect(TestEchoAck.class));
            assertEquals(SendResult.QUEUED, peer.send(message));
            assertEquals(compact(frame), peer.readOutboundHex());
            assertEquals("", peer.readOutboundHex());
            peer.events().assertNoMoreEvents();
        }
        assertEquals(0, alloc.metric().usedHeapMemory() + alloc.metric().usedDirectMemory(), "a buffer leaked");
        assertEquals(message, GoFrames.decodeFrame(NetFixtures.registry(codec), GoFrames.bytes(frame)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void anEchoServerAnswersTheGoFrameWithTheSameBytes(String name, Codec codec, String frame, TestEchoAck message)
            throws Exception {
        try (CellnetPeersExtension peers = CellnetPeersExtension.create(NetFixtures.registry(codec))) {
            TcpAcceptor server = peers.start(peers.tcpAcceptor(ev -> {
                if (ev.message() instanceof TestEchoAck m) {
                    ev.reply(m.equals(message) ? m : new TestEchoAck("unexpected", -1));
                }
            }, b -> b));
            try (RawClient c = new RawClient(server.port())) {
                c.write(frame + frame);
                assertEquals(compact(frame + frame), c.read(2 * GoFrames.bytes(frame).length));
            }
        }
    }
}
