package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetAcceptorExtension;
import io.cellnet.testing.RecordingEventCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Go's TestEchoTCP: an acceptor and a connector with queues; the client's message is echoed. */
class TcpEchoTest {

    @RegisterExtension
    static final CellnetAcceptorExtension server = CellnetAcceptorExtension.tcp()
            .registry(NetFixtures.registry())
            .queue("server")
            .callback(ev -> {
                if (ev.message() instanceof TestEchoAck) {
                    ev.reply(ev.message());
                }
            })
            .build();

    @Test
    void echoOverTcpWithQueues() {
        assertTrue(server.address().equals("127.0.0.1:" + server.port()), server.address());
        EventQueue clientQueue = EventQueue.create("client").startLoop();
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        try {
            TcpConnector client = server.connector(clientEvents, b -> b.queue(clientQueue));
            clientEvents.expect(SessionConnected.class);
            assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("hello", 1234)));
            assertEquals(new TestEchoAck("hello", 1234), clientEvents.expect(TestEchoAck.class));
            server.events().expect(SessionAccepted.class);
            assertEquals(new TestEchoAck("hello", 1234), server.events().expect(TestEchoAck.class));
            assertEquals(1, server.acceptor().sessionCount());
            NetFixtures.stop(client);
        } finally {
            clientQueue.close();
        }
        assertTrue(clientEvents.expect(SessionClosed.class) != null);
    }
}
