package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.EventQueue;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Hold;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event queue reports its depth; a bounded queue that is full fails the session it refused. */
class BoundedQueueTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    static final int CAPACITY = 8;

    private final EventQueue bounded = EventQueue.builder("bounded").capacity(CAPACITY).build().startLoop();

    @AfterEach
    void stopQueue() {
        bounded.close();
    }

    @Test
    void aFullQueueFailsTheSessionWhoseEventItRefusedAndStillDeliversItsClose() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.tcpAcceptor(serverEvents, b -> b.queue(bounded));
        server.start().join();
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector client = net.start(net.tcpConnector(server.port(), clientEvents, b -> b));
        clientEvents.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        try (Hold hold = new Hold()) {
            bounded.post(hold::block);
            hold.awaitEntered();
            for (int i = 0; i < 3 * CAPACITY; i++) {
                client.session().send(new TestEchoAck("m", i));
            }
            assertEquals(CloseReason.IO, clientEvents.expect(SessionClosed.class).reason());
            // the depth: CAPACITY messages, plus the SessionClosed that passes the bound
            await().atMost(NetFixtures.WAIT).until(bounded::pending, n -> n == CAPACITY + 1);
            hold.release();
        }
        for (int i = 0; i < CAPACITY; i++) {
            assertEquals(i, serverEvents.expect(TestEchoAck.class).Value());
        }
        SessionClosed closed = serverEvents.expect(SessionClosed.class);
        assertEquals(CloseReason.IO, closed.reason());
        assertInstanceOf(RejectedExecutionException.class, closed.cause());
        await().atMost(NetFixtures.WAIT).until(() -> bounded.pending() == 0 && server.sessionCount() == 0);
        assertTrue(server.isRunning());
    }
}
