package io.cellnet.netty.msglog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventCallback;
import io.cellnet.ProcessorBundle;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.cellnet.netty.internal.proc.NettyProcessors;
import io.cellnet.relay.Relay;
import io.cellnet.rpc.Rpc;
import io.cellnet.rpc.RpcRecvMsgEvent;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Message-log lines of real traffic, with {@code tcp.ltv}'s hooker order (RPC, relay, then the
 * log) and loggers that record their lines.
 */
class MsgLogHookerTest {
    private static final TestEchoAck HELLO = new TestEchoAck("hello", 1234);
    private static final String HELLO_LINE = "len: 28 main.TestEchoACK(4673)";
    private static final String HELLO_FIELDS = " | {Msg: \"hello\", Value: 1234}";

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry(JsonCodec.INSTANCE));
    private final MsgLogRules rules = new MsgLogRules();
    private final RecordingLogger serverRecv = new RecordingLogger("server.recv", true);
    private final RecordingLogger serverSend = new RecordingLogger("server.send", true);
    private final RecordingLogger clientRecv = new RecordingLogger("client.recv", true);
    private final RecordingLogger clientSend = new RecordingLogger("client.send", true);
    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    private TcpConnector connect(EventCallback server) {
        TcpAcceptor acceptor = net.start(net.tcpAcceptor(EventCallback.NONE,
                b -> b.bundle(bundle(serverRecv, serverSend, ev -> {
            serverEvents.onEvent(ev);
            server.onEvent(ev);
        }))));
        TcpConnector client = net.start(net.tcpConnector(acceptor.port(), EventCallback.NONE,
                b -> b.bundle(bundle(clientRecv, clientSend, clientEvents))));
        clientEvents.expect(SessionConnected.class);
        return client;
    }

    private ProcessorBundle bundle(RecordingLogger recv, RecordingLogger send, EventCallback callback) {
        return new ProcessorBundle(LtvTransmitter.INSTANCE,
                NettyProcessors.hooker(new MsgLogHooker("t", recv, send, rules)), callback);
    }

    private static List<String> helloLines(RecordingLogger log) {
        return log.lines().stream().filter(l -> l.contains("main.TestEchoACK")).toList();
    }

    @Test
    void plainMessagesAreLoggedBothWaysWithSessionNameIdSizeAndFields() {
        TcpConnector client = connect(ev -> {
            if (ev.message() instanceof TestEchoAck) {
                ev.reply(ev.message());
            }
        });
        client.session().send(HELLO);
        assertEquals(HELLO, clientEvents.expect(TestEchoAck.class));
        long sid = client.session().id();
        assertEquals(List.of("#t.send(client)@" + sid + " " + HELLO_LINE + HELLO_FIELDS), helloLines(clientSend));
        assertEquals(List.of("#t.recv(client)@" + sid + " " + HELLO_LINE + HELLO_FIELDS), helloLines(clientRecv));
        assertEquals(1, helloLines(serverRecv).size());
        assertTrue(serverRecv.lines().get(0).contains("cellnet.SessionAccepted"), serverRecv.lines().toString());
    }

    @Test
    void rpcShowsTheMessageInsideWithItsCallIdAndTheHookerOrderIsGos() throws Exception {
        TcpConnector client = connect(ev -> {
            if (ev instanceof RpcRecvMsgEvent call) {
                call.reply(call.message());
            }
        });
        assertEquals(HELLO, Rpc.callSync(client, HELLO, Duration.ofSeconds(5)));
        assertEquals(List.of(HELLO_LINE + " rpc REQ call 1" + HELLO_FIELDS), suffixes(clientSend));
        assertEquals(List.of(HELLO_LINE + " rpc call 1" + HELLO_FIELDS), suffixes(serverRecv));
        assertEquals(List.of(HELLO_LINE + " rpc ACK call 1" + HELLO_FIELDS), suffixes(serverSend));
        assertEquals(List.of(), helloLines(clientRecv), "the answer is consumed before the log");
    }

    @Test
    void relayShowsThePayloadAndThePassthroughValues() {
        TcpConnector client = connect(EventCallback.NONE);
        Relay.relay(client, HELLO, 5L, "five", new byte[] {5});
        serverEvents.expectEvent(SessionAccepted.class);
        serverEvents.expectEvent(TestEchoAck.class);
        String relay = " relay {Int64: 5, Int64Slice: [], Str: \"five\", Bytes: [05]}";
        assertEquals(List.of(HELLO_LINE + relay + HELLO_FIELDS), suffixes(clientSend));
        assertEquals(List.of(HELLO_LINE + relay + HELLO_FIELDS), suffixes(serverRecv));
    }

    @Test
    void rulesDecideWhichMessagesAppear() {
        rules.setRule("main.TestEchoACK", MsgLogRule.BLACK_LIST);
        TcpConnector client = connect(EventCallback.NONE);
        client.session().send(HELLO);
        serverEvents.expectEvent(SessionAccepted.class);
        serverEvents.expectEvent(TestEchoAck.class);
        assertEquals(List.of(), helloLines(clientSend));
        assertEquals(List.of(), helloLines(serverRecv));
        assertEquals(1, serverRecv.lines().size(), "SessionAccepted is still shown");

        rules.setMode(MsgLogMode.WHITE_LIST);
        rules.setRule("main.TestEchoACK", MsgLogRule.WHITE_LIST);
        client.session().send(HELLO);
        serverEvents.expectEvent(TestEchoAck.class);
        assertEquals(1, helloLines(serverRecv).size());

        rules.setMode(MsgLogMode.MUTE);
        client.session().send(HELLO);
        serverEvents.expectEvent(TestEchoAck.class);
        assertEquals(1, helloLines(serverRecv).size());
        assertEquals(1, helloLines(clientSend).size());
    }

    @Test
    void defaultLoggersAreNamedByTransportAndDirection() {
        MsgLogHooker tcp = MsgLogHooker.of("tcp");
        assertEquals("cellnet.msglog.tcp.recv", tcp.recvLogger().getName());
        assertEquals("cellnet.msglog.tcp.send", tcp.sendLogger().getName());
    }

    /** The lines about {@code main.TestEchoACK}, without the {@code #t.dir(peer)@id } head. */
    private static List<String> suffixes(RecordingLogger log) {
        return helloLines(log).stream().map(l -> l.substring(l.indexOf(" len: ") + 1)).toList();
    }
}
