package io.cellnet.testing;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.GenericPeer;
import io.cellnet.PeerState;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.NetFixtures;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An acceptor per test: registered on an instance field, in memory, with its own queue thread. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CellnetAcceptorExtensionPerTestTest {

    @RegisterExtension
    final CellnetAcceptorExtension server = CellnetAcceptorExtension.local()
            .registry(NetFixtures.registry())
            .queue("per-test-queue")
            .build();

    private static TcpAcceptor previous;

    @Test
    @Order(1)
    void eachTestGetsARunningAcceptorUnderAUniqueLocalName() {
        previous = server.acceptor();
        assertTrue(server.address().startsWith("local://CellnetAcceptorExtensionPerTestTest-"), server.address());
        assertEquals(0, server.port());
        RecordingEventCallback client = new RecordingEventCallback();
        server.connector(client);
        client.expect(SessionConnected.class);
        assertEquals("per-test-queue", ((GenericPeer) server.events().expectEvent(SessionAccepted.class).session().peer()).queue().name());
    }

    @Test
    @Order(2)
    void theAcceptorOfThePreviousTestWasStopped() {
        assertEquals(PeerState.STOPPED, previous.state());
        assertNotSame(previous, server.acceptor());
        assertEquals(0, server.events().size());
        assertEquals(0, server.acceptor().sessionCount());
    }
}
