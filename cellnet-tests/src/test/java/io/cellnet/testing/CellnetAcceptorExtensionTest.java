package io.cellnet.testing;


import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.PeerState;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A per-class acceptor: one acceptor for every test, and each test starts clean. The tests run in
 * order: each checks what the one before it left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CellnetAcceptorExtensionTest {

    @RegisterExtension
    static final CellnetAcceptorExtension server = CellnetAcceptorExtension.tcp()
            .registry(NetFixtures.registry())
            .acceptor(b -> b.name("extension-test").maxPacketSize(100))
            .build();

    private static TcpAcceptor firstAcceptor;
    private static TcpConnector leftConnector;

    @Test
    @Order(1)
    void aTestLeavesAConnectorARawConnectionAndUnreadEvents() throws Exception {
        firstAcceptor = server.acceptor();
        assertEquals("extension-test", firstAcceptor.name());
        assertEquals(100, firstAcceptor.maxPacketSize());
        assertEquals("127.0.0.1:" + server.port(), server.address());
        RecordingEventCallback client = new RecordingEventCallback();
        leftConnector = server.connector(client);
        client.expect(SessionConnected.class);
        leftConnector.session().send(new TestEchoAck("left over", 1));
        RawClient raw = new RawClient(server.port());
        await().atMost(NetFixtures.WAIT).until(() -> server.events().size() == 3 && server.acceptor().sessionCount() == 2);
        // raw is left open on purpose: the extension closes the acceptor's sessions after the test
        assertTrue(raw.localPort() > 0);
    }

    @Test
    @Order(2)
    void theNextTestHasTheSameAcceptorWithNoSessionNoEventAndTheConnectorStopped() {
        assertSame(firstAcceptor, server.acceptor());
        assertEquals(PeerState.STOPPED, leftConnector.state());
        assertEquals(0, server.acceptor().sessionCount());
        assertEquals(0, server.events().size());
        server.acceptor().stop().join();
        assertFalse(server.acceptor().isRunning());
    }

    @Test
    @Order(3)
    void anAcceptorThatATestStoppedIsRunningAgain() {
        assertSame(firstAcceptor, server.acceptor());
        assertTrue(server.acceptor().isRunning());
        assertTrue(server.port() > 0);
    }

    @Test
    @Order(4)
    void theRegistryIsShared() {
        assertSame(server.registry(), server.registry());
        assertTrue(server.registry().byMessage(new TestEchoAck("x", 1)) != null);
        assertThrows(IllegalArgumentException.class, () -> server.connector(ev -> { }, b -> b.address("nope")));
    }
}
