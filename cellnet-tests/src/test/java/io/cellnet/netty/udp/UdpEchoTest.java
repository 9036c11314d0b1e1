package io.cellnet.netty.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.ByNameEcho;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.msglog.MsgLogHooker;
import io.cellnet.proc.Processors;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Go's TestEchoUDP: a udp.Acceptor and a udp.Connector with queues; the client's message is echoed. */
class UdpEchoTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void echoOverUdpWithQueuesRunsCallbacksOnTheQueues() throws Exception {
        EventQueue serverQueue = net.queue("udp-server");
        EventQueue clientQueue = net.queue("udp-client");
        Thread serverThread = queueThread(serverQueue);
        Thread clientThread = queueThread(clientQueue);
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        UdpAcceptor server = net.udpAcceptor(ev -> {
            assertSame(serverThread, Thread.currentThread());
            Echo.everything(serverEvents).onEvent(ev);
        }, b -> b.queue(serverQueue));
        server.start().join();
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        UdpConnector client = net.udpConnector(server.port(), ev -> {
            assertSame(clientThread, Thread.currentThread());
            clientEvents.onEvent(ev);
        }, b -> b.queue(clientQueue));
        client.start().join();

        clientEvents.expect(SessionConnected.class);
        assertEquals(1, client.session().id());
        assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("hello", 1234)));
        assertEquals(new TestEchoAck("hello", 1234), clientEvents.expect(TestEchoAck.class));
        assertEquals(1, serverEvents.expectEvent(SessionAccepted.class).session().id());
        assertEquals(new TestEchoAck("hello", 1234), serverEvents.expect(TestEchoAck.class));
        assertEquals(1, server.sessionCount());

        NetFixtures.stop(client);
        assertEquals(CloseReason.MANUAL, clientEvents.expect(SessionClosed.class).reason());
        NetFixtures.stop(server);
        assertEquals(CloseReason.MANUAL, serverEvents.expect(SessionClosed.class).reason());
        clientEvents.assertNoMoreEvents();
        serverEvents.assertNoMoreEvents();
    }

    private static Thread queueThread(EventQueue q) throws Exception {
        CompletableFuture<Thread> t = new CompletableFuture<>();
        assertTrue(q.post(() -> t.complete(Thread.currentThread())));
        return t.get(5, TimeUnit.SECONDS);
    }

    @Test
    void peersByGoNamesEchoWithTheUdpLtvProcessor() {
        registerGlobal();
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        GenericPeer server = Peers.newGenericPeer("udp.Acceptor", "server", "127.0.0.1:0", EventQueue.direct(),
                Processors.bundle("udp.ltv", Echo.everything(serverEvents)));
        assertEquals("cellnet.msglog.udp.recv",
                ((MsgLogHooker) server.processorBundle().hooker()).recvLogger().getName());
        ByNameEcho.roundTrip(server, "udp.Connector", "udp.ltv", () -> "127.0.0.1:" + ((UdpAcceptor) server).port(),
                new GlobalEcho("by name", 7));
        serverEvents.expect(SessionAccepted.class);
    }

    /** A message of the global registry (peers made by name use it), in the json codec. */
    record GlobalEcho(String Msg, int Value) {
    }

    private static void registerGlobal() {
        MessageRegistry.global().registerIfAbsent(MessageMeta.of(GlobalEcho.class, "udptest.GlobalEcho",
                JsonCodec.INSTANCE));
    }
}
