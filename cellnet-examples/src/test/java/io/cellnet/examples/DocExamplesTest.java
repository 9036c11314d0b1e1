package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.examples.DocExamples.Login;
import io.cellnet.examples.DocExamples.LoginAck;
import io.cellnet.examples.DocExamples.Ping;
import io.cellnet.examples.DocExamples.Pong;
import io.cellnet.examples.chat.ChatMessages.ChatACK;
import io.cellnet.examples.chat.ChatMessages.ChatREQ;
import io.cellnet.examples.chat.ChatMessages;
import io.cellnet.testing.EmbeddedPeer;
import io.cellnet.netty.heartbeat.HeartbeatTimeoutException;
import io.cellnet.netty.TcpPeers;
import io.cellnet.proc.SyncReceiver;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The examples of docs/processors.md and docs/migration.md behave as the pages say. */
@ExtendWith(NoLeftoversExtension.class)
class DocExamplesTest {

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
