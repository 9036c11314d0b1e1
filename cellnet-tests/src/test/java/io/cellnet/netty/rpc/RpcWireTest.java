package io.cellnet.netty.rpc;

import io.cellnet.rpc.Rpc;
import io.cellnet.rpc.RpcRecvMsgEvent;
import static io.cellnet.netty.GoFrames.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.MessageRegistry;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.GoFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RPC against Go's bytes on a real socket: a Java server answers Go's request frames with Go's
 * answer frames, and a Java client sends Go's request frames and understands Go's answers.
 */
class RpcWireTest {
    private final RecordingEventCallback serverEvents = new RecordingEventCallback();

    static Stream<Arguments> codecs() {
        return Stream.of(Arguments.of("json", JsonCodec.INSTANCE, GoFrames.RPC_REQ_JSON, GoFrames.RPC_ACK_JSON),
                Arguments.of("binary", BinaryCodec.INSTANCE, GoFrames.RPC_REQ_BINARY, GoFrames.RPC_ACK_BINARY));
    }

    private TcpAcceptor echoServer(CellnetPeersExtension net) {
        return net.start(net.tcpAcceptor(ev -> {
            serverEvents.onEvent(ev);
            if (ev instanceof RpcRecvMsgEvent call) {
                call.reply(call.message());
            }
        }, b -> b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void javaServerAnswersGoRequestsWithGoBytes(String name, Codec codec, String req, String ack) throws Exception {
        try (CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry(codec));
                RawClient go = new RawClient(echoServer(net).port())) {
            go.write(compact(req));
            assertEquals(compact(ack), go.read(GoFrames.bytes(ack).length));
            go.write(compact(req).replaceAll("1101$", "1102"));
            assertEquals(compact(ack).replaceAll("1101$", "1102"), go.read(GoFrames.bytes(ack).length));
        }
        serverEvents.expect(SessionAccepted.class);
        RecvMsgEvent first = serverEvents.expectEvent(TestEchoAck.class);
        assertEquals(new TestEchoAck("hello", 1234), first.message());
        assertEquals(1L, ((RpcRecvMsgEvent) first).callId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void javaClientSendsGoRequestsAndReadsGoAnswers(String name, Codec codec, String req, String ack)
            throws Exception {
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        try (CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry(codec));
                ServerSocket go = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            go.setSoTimeout(5000);
            TcpConnector client = net.start(net.tcpConnector(go.getLocalPort(), clientEvents, b -> b));
            try (Socket s = go.accept()) {
                s.setSoTimeout(5000);
                clientEvents.expect(SessionConnected.class);
                CompletableFuture<TestEchoAck> reply = Rpc.call(client, new TestEchoAck("hello", 1234),
                        TestEchoAck.class, Duration.ofSeconds(5));
                assertEquals(compact(req), read(s.getInputStream(), GoFrames.bytes(req).length));
                s.getOutputStream().write(GoFrames.bytes(ack));
                assertEquals(new TestEchoAck("hello", 1234), reply.orTimeout(5, TimeUnit.SECONDS).join());
            }
        }
        clientEvents.expect(SessionClosed.class);
        clientEvents.assertNoMoreEvents();
    }

    @Test
    void requestWithAnUnknownInnerMessageIsDroppedAndTheSessionLives() throws Exception {
        try (CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry(JsonCodec.INSTANCE));
                RawClient go = new RawClient(echoServer(net).port())) {
            go.write("0a00 15e5 | 01 ffff03 | 0a 00 | 11 05".replace("|", ""));
            go.write(compact(GoFrames.RPC_REQ_JSON));
            assertEquals(compact(GoFrames.RPC_ACK_JSON), go.read(GoFrames.bytes(GoFrames.RPC_ACK_JSON).length));
        }
    }

    @Test
    void truncatedEnvelopeClosesTheSessionWithACodecError() throws Exception {
        try (CellnetPeersExtension net = CellnetPeersExtension.create(MessageRegistry.create());
                RawClient go = new RawClient(net.start(net.tcpAcceptor(serverEvents, b -> b)).port())) {
            serverEvents.expect(SessionAccepted.class);
            go.write("0900 15e5 | 01 c124 | 0a 1c 7b22".replace("|", ""));
            assertEquals("", go.readUntilClosed());
            SessionClosed closed = serverEvents.expect(SessionClosed.class);
            assertEquals(CloseReason.IO, closed.reason());
            CodecException cause = assertInstanceOf(CodecException.class, closed.cause());
            assertTrue(cause.getMessage().contains("rpc.RemoteCallREQ"), cause.getMessage());
        }
    }

    private static String read(InputStream in, int n) throws java.io.IOException {
        return HexFormat.of().formatHex(in.readNBytes(n));
    }
}
