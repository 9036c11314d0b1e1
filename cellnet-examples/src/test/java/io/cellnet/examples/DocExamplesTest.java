package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.MessageRegistry;
import io.cellnet.ProcessorBundle;
import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.examples.DocExamples.Login;
import io.cellnet.examples.DocExamples.LoginAck;
import io.cellnet.examples.DocExamples.Ping;
import io.cellnet.examples.DocExamples.Pong;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.examples.chat.ChatMessages;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.heartbeat.HeartbeatTimeoutException;
import io.cellnet.netty.msglog.MsgLogHooker;
import io.cellnet.netty.msglog.MsgLogRules;
import io.cellnet.rpc.RpcRecvMsgEvent;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.proc.Processors;
import io.cellnet.proc.SyncReceiver;
import io.cellnet.testing.EmbeddedPeer;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The examples of docs/processors.md and docs/migration.md behave as the pages say. */
@ExtendWith(NoLeftoversExtension.class)
class DocExamplesTest {
    /** rpc.md's "JSON REQ": main.TestEchoACK{"hello", 1234} in an RPC request, call id 1. */
    private static final String JSON_RPC_REQUEST =
            "2500 15e5 01 c124 0a 1c 7b224d7367223a2268656c6c6f222c2256616c7565223a313233347d 11 01";

    /** The lines an SLF4J logger (logback) writes at DEBUG while open. */
    private static final class LogLines implements AutoCloseable {
        private final ch.qos.logback.classic.Logger logger;
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        LogLines(String name) {
            logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
            logger.setLevel(Level.DEBUG);
            appender.start();
            logger.addAppender(appender);
        }

        Logger logger() {
            return logger;
        }

        List<String> lines() {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
            appender.stop();
        }
    }

    @Test
    void theLoginGateLetsLoggedInSessionsThroughAndClosesTheOthers() {
        EmbeddedPeer peer = EmbeddedPeer.builder().registry(DocExamples.registry())
                .bundle(DocExamples.gated(EventCallback.NONE)).build();
        try {
            peer.events().expect(SessionAccepted.class);
            peer.writeInbound(peer.encodeHex(new Login("alice")));
            peer.writeInbound(peer.encodeHex(new LoginAck(1)));
            assertEquals(new Login("alice"), peer.events().expect(Login.class));
            assertEquals(new LoginAck(1), peer.events().expect(LoginAck.class));
        } finally {
            peer.close();
        }
        EmbeddedPeer stranger = EmbeddedPeer.builder().registry(DocExamples.registry())
                .bundle(new DocExamples.GatedLtvProcessor().create("tcp.ltv.gated", EventCallback.NONE)).build();
        try {
            stranger.events().expect(SessionAccepted.class);
            stranger.writeInbound(stranger.encodeHex(new LoginAck(1)));
            stranger.events().expectClosed(CloseReason.MANUAL);
        } finally {
            stranger.close();
        }
    }

    @Test
    void theHeartbeatPingsAndClosesAfterThreeUnansweredPings() {
        EmbeddedPeer client = EmbeddedPeer.builder().client().registry(DocExamples.registry())
                .bundle(DocExamples.withHeartbeat(EventCallback.NONE, true)).build();
        try {
            client.events().expect(SessionConnected.class);
            client.advanceTimeBy(Duration.ofSeconds(5));
            assertEquals(client.encodeHex(new Ping()), client.readOutboundHex());
            client.writeInbound(client.encodeHex(new Pong()));          // answered: the count restarts
            client.advanceTimeBy(Duration.ofSeconds(20));               // 3 pings unanswered, then the close
            assertInstanceOf(HeartbeatTimeoutException.class, client.events().expectClosed(CloseReason.IO).cause());
        } finally {
            client.close();
        }
        EmbeddedPeer server = EmbeddedPeer.builder().registry(DocExamples.registry())
                .bundle(DocExamples.withHeartbeat(EventCallback.NONE, false)).build();
        try {
            server.events().expect(SessionAccepted.class);
            server.writeInbound(server.encodeHex(new Ping()));
            assertEquals(server.encodeHex(new Pong()), server.readOutboundHex());
            server.events().assertNoMoreEvents();                       // pings and pongs are swallowed
        } finally {
            server.close();
        }
    }

    @Test
    void tcpLtvWithAnotherMessageLogStillOpensRpcAndLogsTheInnerMessageOnItsOwnLogger() {
        Received r = receiveTheJsonRpcRequest("gate", log -> DocExamples.withMessageLog(EventCallback.NONE, log));
        assertInstanceOf(RpcRecvMsgEvent.class, r.event());
        assertEquals(new TestEchoAck("hello", 1234), r.event().message());
        assertTrue(r.logLines().stream().anyMatch(l -> l.contains("main.TestEchoACK(4673) rpc call 1 | "
                + "{Msg: \"hello\", Value: 1234}")), r.logLines()::toString);
    }

    @Test
    void anEnvelopeThatNoHookerOpensIsLoggedWithItsJavaComponentNames() {
        Received r = receiveTheJsonRpcRequest("plain", log -> new ProcessorBundle(
                Processors.bundle("tcp.ltv", EventCallback.NONE).transmitter(), log, EventCallback.NONE));
        assertTrue(r.logLines().stream().anyMatch(l -> l.contains("rpc.RemoteCallREQ(58645) | {msgId: 4673, "
                + "data: [7b224d7367") && l.endsWith(", callId: 1}")), r.logLines()::toString);
    }

    /** What an embedded peer delivered and logged for {@link #JSON_RPC_REQUEST}. */
    private record Received(RecvMsgEvent event, List<String> logLines) {
    }

    /** Feeds {@link #JSON_RPC_REQUEST} to a peer whose bundle has the message log {@code "docs.<name>.recv"}. */
    private static Received receiveTheJsonRpcRequest(String name, Function<MsgLogHooker, ProcessorBundle> bundle) {
        try (LogLines recv = new LogLines("docs." + name + ".recv")) {
            MsgLogHooker log = new MsgLogHooker(name, recv.logger(), LoggerFactory.getLogger("docs." + name + ".send"),
                    new MsgLogRules());
            EmbeddedPeer peer = EmbeddedPeer.builder().registry(EchoMessages.registry("json")).bundle(bundle.apply(log))
                    .build();
            try {
                peer.events().expect(SessionAccepted.class);
                peer.writeInbound(JSON_RPC_REQUEST);
                return new Received(peer.events().poll(), recv.lines());
            } finally {
                peer.close();
            }
        }
    }

    @Test
    void theNettyStyleServerRunsOnTheGivenGroupWithTheGivenHandlers() throws Exception {
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        MessageRegistry registry = DocExamples.registry();
        SyncReceiver client = new SyncReceiver();
        try (EventQueue queue = EventQueue.create("game").startLoop()) {
            TcpAcceptor server = DocExamples.gameServer("127.0.0.1:0", queue, registry, workers);
            server.start().join();
            TcpConnector connector = TcpPeers.connector().address("127.0.0.1:" + server.port()).registry(registry)
                    .callback(client).build();
            try {
                connector.start();
                assertNotNull(client.waitMessage(SessionConnected.class, Duration.ofSeconds(10)));
                connector.session().send(new Login("alice"));
                assertEquals(new LoginAck(0), client.waitMessage(LoginAck.class, Duration.ofSeconds(10)));
                Session session = server.session(1);
                assertNotNull(session);
                assertEquals("alice", session.getContext(DocExamples.USER));
                Channel ch = session.as(Channel.class);
                assertNotNull(ch);
                assertSame(workers, ch.eventLoop().parent());
                assertNotNull(ch.pipeline().get("traffic"));
            } finally {
                connector.close();
                server.close();
            }
        } finally {
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void aPeerByTypeNameRunsWithTheBundleItWasBuiltWith() throws Exception {
        MessageRegistry registry = DocExamples.registry();
        MessageRegistry.global().registerIfAbsent(registry.byType(Login.class));     // a peer by name uses the global one
        SyncReceiver client = new SyncReceiver();
        try (EventQueue queue = EventQueue.create("by-name").startLoop()) {
            MessageDispatcher echo = new MessageDispatcher().on(Login.class, (ev, m) -> ev.reply(m));
            GenericPeer server = DocExamples.goStyleByName(queue, echo);
            TcpConnector connector = TcpPeers.connector().address("127.0.0.1:" + ((TcpAcceptor) server).port())
                    .registry(registry).callback(client).build();
            try {
                assertSame(echo, server.processorBundle().callback());
                connector.start();
                assertNotNull(client.waitMessage(SessionConnected.class, Duration.ofSeconds(10)));
                connector.session().send(new Login("by name"));
                assertEquals(new Login("by name"), client.waitMessage(Login.class, Duration.ofSeconds(10)));
            } finally {
                connector.close();
                server.close();
            }
        }
    }

    @Test
    void theGoStyleChatServerBroadcasts() throws Exception {
        MessageRegistry registry = ChatMessages.registry("binary");
        SyncReceiver client = new SyncReceiver();
        try (EventQueue queue = EventQueue.create("chat-doc").startLoop()) {
            TcpAcceptor server = DocExamples.goStyleChatServer(queue, registry);
            TcpConnector connector = TcpPeers.connector().address("127.0.0.1:" + server.port()).registry(registry)
                    .callback(client).build();
            try {
                connector.start();
                assertNotNull(client.waitMessage(SessionConnected.class, Duration.ofSeconds(10)));
                connector.session().send(new ChatREQ("hi"));
                assertEquals(new ChatACK("hi", 1), client.waitMessage(ChatACK.class, Duration.ofSeconds(10)));
            } finally {
                connector.close();
                server.close();
            }
        }
    }
}
