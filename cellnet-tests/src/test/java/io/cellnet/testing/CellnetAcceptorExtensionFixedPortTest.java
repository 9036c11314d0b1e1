package io.cellnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.CloseReason;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.NetFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Restarting an acceptor on the same fixed port: the extension's {@code fixedPort()} and a
 * {@link ReservedPort} held by a test, with a connector that reconnects on a manual clock.
 */
class CellnetAcceptorExtensionFixedPortTest {
    private static final Duration RETRY = Duration.ofSeconds(1);

    @RegisterExtension
    static final CellnetAcceptorExtension server = CellnetAcceptorExtension.tcp().fixedPort()
            .registry(NetFixtures.registry()).build();

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void theExtensionsAcceptorComesBackOnItsPortAndTheConnectorReconnects() {
        int port = server.port();
        ManualScheduler clock = new ManualScheduler();
        RecordingEventCallback client = new RecordingEventCallback();
        server.connector(client, b -> b.scheduler(clock).reconnect(ReconnectPolicy.fixed(RETRY)));
        client.expect(SessionConnected.class);
        server.events().expect(SessionAccepted.class);

        server.acceptor().stop().join();
        client.expectClosed(CloseReason.IO);
        clock.awaitPendingTasks(1, NetFixtures.WAIT);
        server.acceptor().start().join();
        assertEquals(port, server.port(), "the same port after the restart");
        clock.advance(RETRY);
        client.expect(SessionConnected.class);
        server.events().expectSkipping(SessionAccepted.class, io.cellnet.SessionClosed.class);
    }

    @Test
    void aReservedPortLetsARealAcceptorListenStopAndListenAgainThere() {
        ReservedPort reserved = net.reservedPort();
        TcpAcceptor acceptor = net.tcpAcceptor(new RecordingEventCallback(), b -> b.address(reserved.address()));
        for (int i = 0; i < 3; i++) {
            acceptor.start().join();
            assertEquals(reserved.port(), acceptor.port());
            acceptor.stop().join();
        }
    }

    @Test
    void fixedPortIsForTcpAcceptors() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CellnetAcceptorExtension.local().fixedPort().build());
        assertEquals("fixedPort() is for TCP acceptors: an in-memory acceptor keeps its address across restarts"
                + " anyway", e.getMessage());
        assertEquals("127.0.0.1:" + server.port(), server.address());
    }
}
