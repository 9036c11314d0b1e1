package io.cellnet.netty.tcp;

import static io.cellnet.netty.GoFrames.ECHO_BINARY;
import static io.cellnet.netty.GoFrames.ECHO_JSON;
import static io.cellnet.netty.GoFrames.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellnet.CloseReason;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rows of the malformed-input table (reference §2.3) where the json and binary codecs of Go
 * differ, as real frames over TCP to an echo server with the real codec: json refuses an empty body
 * and trailing junk, which closes only the offending session while a bystander session on the same
 * acceptor keeps echoing; binary accepts both, as Go does. {@code TcpMalformedInputTest} has the
 * rows common to both codecs.
 */
class TcpCodecInputTest {
    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback bystanderEvents = new RecordingEventCallback();

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("json empty body", JsonCodec.INSTANCE, "0200 4112"),
                Arguments.of("json trailing junk", JsonCodec.INSTANCE, "2000 4112 " + ECHO_JSON + " 7878"),
                Arguments.of("json second value after the first", JsonCodec.INSTANCE, "2000 4112 " + ECHO_JSON + " 7b7d"));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("json trailing whitespace", JsonCodec.INSTANCE, "2000 4112 " + ECHO_JSON + " 200a",
                        "1e00 4112 " + ECHO_JSON),
                Arguments.of("binary empty body is zero values", BinaryCodec.INSTANCE, "0200 4112",
                        "0800 4112 0000 00000000"),
                Arguments.of("binary trailing junk is ignored", BinaryCodec.INSTANCE, "0f00 4112 " + ECHO_BINARY + " 7878",
                        "0d00 4112 " + ECHO_BINARY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedInputClosesOnlyThatSession(String name, Codec codec, String frame) throws Exception {
        try (CellnetPeersExtension peers = CellnetPeersExtension.create(NetFixtures.registry(codec))) {
            TcpAcceptor server = peers.start(peers.tcpAcceptor(Echo.after(serverEvents), b -> b));
            TcpConnector bystander = bystander(peers, server.port());
            try (RawClient bad = new RawClient(server.port())) {
                serverEvents.expect(SessionAccepted.class);
                bad.write(frame);
                assertEquals("", bad.readUntilClosed());
                SessionClosed closed = serverEvents.expectClosed(CloseReason.IO);
                assertInstanceOf(CodecException.class, closed.cause());
            }
            assertBystanderStillEchoes(bystander);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedInputIsEchoedAsGoDoes(String name, Codec codec, String frame, String echo) throws Exception {
        try (CellnetPeersExtension peers = CellnetPeersExtension.create(NetFixtures.registry(codec))) {
            TcpAcceptor server = peers.start(peers.tcpAcceptor(Echo.after(serverEvents), b -> b));
            TcpConnector bystander = bystander(peers, server.port());
            try (RawClient c = new RawClient(server.port())) {
                serverEvents.expect(SessionAccepted.class);
                c.write(frame);
                assertEquals(compact(echo), c.read(compact(echo).length() / 2));
                serverEvents.expect(TestEchoAck.class);
            }
            serverEvents.expectClosed(CloseReason.IO);
            assertBystanderStillEchoes(bystander);
        }
    }

    /** A connector to the echo server on {@code port}, connected and accepted. */
    private TcpConnector bystander(CellnetPeersExtension peers, int port) {
        TcpConnector bystander = peers.start(peers.tcpConnector(port, bystanderEvents, b -> b.name("bystander")));
        bystanderEvents.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        return bystander;
    }

    private void assertBystanderStillEchoes(TcpConnector bystander) {
        bystander.session().send(new TestEchoAck("still", 1));
        assertEquals(new TestEchoAck("still", 1), bystanderEvents.expect(TestEchoAck.class));
        assertEquals(new TestEchoAck("still", 1), serverEvents.expect(TestEchoAck.class));
        assertNull(serverEvents.pollOrNull(Duration.ZERO));
    }
}
