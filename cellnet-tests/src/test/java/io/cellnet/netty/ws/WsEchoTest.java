package io.cellnet.netty.ws;

import static io.cellnet.testing.CellnetPeersExtension.wsUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.Peers;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.ByNameEcho;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.msglog.MsgLogHooker;
import io.cellnet.proc.Processors;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Go's TestEchoWS: a ws.Acceptor and a ws.Connector with queues; the client's message is echoed. */
class WsEchoTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void echoOverWebSocketWithQueues() {
        EventQueue serverQueue = net.queue("ws-server");
        EventQueue clientQueue = net.queue("ws-client");
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.wsAcceptor(Echo.everything(serverEvents), WsOptions.DEFAULT,
                b -> b.queue(serverQueue));
        server.start().join();
        assertEquals("ws.Acceptor", server.typeName());
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector client = net.wsConnector(wsUrl(server), clientEvents, WsOptions.DEFAULT,
                b -> b.queue(clientQueue));
        client.start().join();

        clientEvents.expect(SessionConnected.class);
        assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("hello", 1234)));
        assertEquals(new TestEchoAck("hello", 1234), clientEvents.expect(TestEchoAck.class));
        assertEquals(1, serverEvents.expectEvent(SessionAccepted.class).session().id());
        assertEquals(new TestEchoAck("hello", 1234), serverEvents.expect(TestEchoAck.class));

        NetFixtures.stop(client);
        assertEquals(CloseReason.MANUAL, clientEvents.expect(SessionClosed.class).reason());
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        clientEvents.assertNoMoreEvents();
    }

    @Test
    void goNamesCreateAndBindTheSamePeers() {
        assertTrue(Peers.typeNames().containsAll(List.of("ws.Acceptor", "ws.Connector", "gorillaws.Acceptor",
                "gorillaws.Connector")));
        assertTrue(Processors.names().containsAll(List.of("ws.ltv", "gorillaws.ltv")));
        MessageRegistry.global().registerIfAbsent(MessageMeta.of(GlobalEcho.class, "wstest.GlobalEcho",
                BinaryCodec.INSTANCE));
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        GenericPeer server = Peers.newGenericPeer("gorillaws.Acceptor", "server", "127.0.0.1:0/echo",
                EventQueue.direct(), Processors.bundle("gorillaws.ltv", Echo.everything(serverEvents)));
        assertEquals("cellnet.msglog.ws.send",
                ((MsgLogHooker) server.processorBundle().hooker()).sendLogger().getName());
        ByNameEcho.roundTrip(server, "gorillaws.Connector", "gorillaws.ltv",
                () -> "127.0.0.1:" + ((TcpAcceptor) server).port() + "/echo", // Go's form, no scheme
                new GlobalEcho("by name", 7));
        serverEvents.expect(SessionAccepted.class);
    }

    /** A message of the global registry (peers made by name use it). */
    record GlobalEcho(String Msg, int Value) {
    }
}
