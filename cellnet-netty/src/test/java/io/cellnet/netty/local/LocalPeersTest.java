package io.cellnet.netty.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.CloseReason;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TCPAcceptor;
import io.cellnet.TCPConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.NoLeaksExtension;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.tcp.NettyTcpAcceptor;
import io.cellnet.testing.RecordingEventCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** local.Acceptor and local.Connector: real encoding and event order without a socket. */
@ExtendWith(NoLeaksExtension.class)
class LocalPeersTest {

    @Test
    void echoInMemoryWithTheSameEventsAsTcp() {
        MessageRegistry registry = NetFixtures.registry();
        EventQueue queue = EventQueue.create("local-test").startLoop();
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TCPAcceptor server = LocalPeers.acceptor().address("echo-test").registry(registry).queue(queue)
                .callback(ev -> {
                    serverEvents.onEvent(ev);
                    if (ev.message() instanceof TestEchoAck) {
                        ev.reply(ev.message());
                    }
                }).build();
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TCPConnector client = LocalPeers.connector().address("local://echo-test").registry(registry)
                .callback(clientEvents).build();
        try {
            server.start().join();
            assertEquals("local://echo-test", server.as(NettyTcpAcceptor.class).boundAddress());
            client.start().join();
            clientEvents.expect(SessionConnected.class);
            client.session().send(new TestEchoAck("in memory", 7));
            assertEquals(new TestEchoAck("in memory", 7), clientEvents.expect(TestEchoAck.class));
            serverEvents.expect(SessionAccepted.class);
            serverEvents.expect(TestEchoAck.class);
            client.stop().join();
            assertEquals(CloseReason.MANUAL, clientEvents.expect(SessionClosed.class).reason());
            assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        } finally {
            NetFixtures.stop(client);
            NetFixtures.stop(server);
            queue.close();
        }
    }
}
