package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.PeerState;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.ReservedPort;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a connector says about its connection: a start that cannot succeed (no reconnect policy, the
 * first attempt refused) fails with the cause instead of leaving a silently stopped peer, and a
 * reconnect that succeeds is logged at INFO with its attempt and how long the outage lasted, as
 * the failures before it were logged.
 */
class ConnectorOutcomeLogTest {
    private static final Duration RETRY = Duration.ofSeconds(1);

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void withoutAReconnectPolicyAFailedFirstAttemptFailsTheStartAndIsReportedAsAnEvent() {
        ReservedPort nobody = net.closeAfterTest(ReservedPort.reserve());
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(nobody.port(), events, b -> b);   // ReconnectPolicy.none(), the default
        try (LogCapture log = new LogCapture()) {
            CompletionException e = assertThrows(CompletionException.class, () -> client.start().join());
            assertInstanceOf(ConnectException.class, e.getCause());
            SessionConnectError error = events.expect(SessionConnectError.class);
            assertEquals(e.getCause(), error.cause());
            assertEquals(0, error.attempt());
            assertFalse(error.willRetry());
            log.awaitLine("WARN", "tcp.Connector 'client' stopped: attempt 0 to connect to " + nobody.address()
                    + " failed and its reconnect policy gives up; start() it again to retry");
        }
        assertEquals(PeerState.STOPPED, client.state());
    }

    @Test
    void aReconnectThatSucceedsIsLoggedWithItsAttemptAndTheOutage() {
        RefusedConnector refused = RefusedConnector.start(net, ReconnectPolicy.fixed(RETRY), b -> b);
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        net.start(net.tcpAcceptor(serverEvents, b -> b.address(refused.address())));
        try (LogCapture log = new LogCapture()) {
            refused.retry(RETRY);
            refused.events().expect(SessionConnected.class);
            serverEvents.expect(SessionAccepted.class);
            log.awaitLine("INFO", "tcp.Connector 'client' connected to " + refused.address()
                    + " again at attempt 1, 1000 ms after the connection was lost or the first attempt failed");
        }
    }

    @Test
    void aConnectionThatClosesUnderNoReconnectPolicyStopsTheConnectorWithAnInfoLine() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.start(net.tcpConnector(server.port(), events, b -> b));
        events.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        try (LogCapture log = new LogCapture()) {
            server.closeAllSessions();
            events.expect(SessionClosed.class);
            log.awaitLine("INFO", "tcp.Connector 'client' stopped: its connection to 127.0.0.1:" + server.port()
                    + " closed and its reconnect policy does not reconnect");
        }
        serverEvents.expect(SessionClosed.class);
    }

    @Test
    void aConnectorStoppedWithBufferedMessagesSaysHowManyNeverLeft() {
        RefusedConnector refused = RefusedConnector.start(net, ReconnectPolicy.fixed(RETRY),
                b -> b.disconnectedSendPolicy(io.cellnet.DisconnectedSendPolicy.buffer(8)));
        TcpConnector client = refused.client();
        assertEquals(io.cellnet.SendResult.BUFFERED, client.session().send(new io.cellnet.netty.TestEchoAck("a", 1)));
        assertEquals(io.cellnet.SendResult.BUFFERED, client.session().send(new io.cellnet.netty.TestEchoAck("b", 2)));
        try (LogCapture log = new LogCapture()) {
            client.stop().join();
            log.awaitLine("WARN", "tcp.Connector 'client' stopped with 2 buffered message(s) never sent"
                    + " (no connection came up)");
        }
    }
}
