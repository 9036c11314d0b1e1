package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TCPAcceptor;
import io.cellnet.TCPConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.RecordingEventCallback;
import org.junit.jupiter.api.Test;

/** Go's TestEchoTCP: an acceptor and a connector with queues; the client's message is echoed. */
class TcpEchoTest {

    @Test
    void echoOverTcpWithQueues() {
        MessageRegistry registry = NetFixtures.registry();
        EventQueue serverQueue = EventQueue.create("server").startLoop();
        EventQueue clientQueue = EventQueue.create("client").startLoop();
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TCPAcceptor server = TcpPeers.acceptor().name("server").address("127.0.0.1:0").queue(serverQueue)
                .registry(registry).callback(ev -> {
                    serverEvents.onEvent(ev);
                    if (ev.message() instanceof TestEchoAck) {
                        ev.reply(ev.message());
                    }
                }).build();
        server.start().join();
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TCPConnector client = TcpPeers.connector().name("client").address("127.0.0.1:" + server.port())
                .queue(clientQueue).registry(registry).callback(clientEvents).build();
        try {
            client.start().join();
            clientEvents.expect(SessionConnected.class);
            assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("hello", 1234)));
            assertEquals(new TestEchoAck("hello", 1234), clientEvents.expect(TestEchoAck.class));
            serverEvents.expect(SessionAccepted.class);
            assertEquals(new TestEchoAck("hello", 1234), serverEvents.expect(TestEchoAck.class));
            assertEquals(1, server.sessionCount());
        } finally {
            NetFixtures.stop(client);
            NetFixtures.stop(server);
            serverQueue.close();
            clientQueue.close();
        }
        assertTrue(clientEvents.expect(SessionClosed.class) != null);
    }
}
