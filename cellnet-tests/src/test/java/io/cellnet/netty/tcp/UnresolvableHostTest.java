package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.PeerState;
import io.cellnet.SessionConnectError;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.net.BindException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host name that does not resolve (a typo in a configuration file): the acceptor's start and the
 * connector's attempt fail with a message that names the host and the resolver's cause, never
 * {@code ": null"}. ({@code .invalid} never resolves: RFC 2606.)
 */
class UnresolvableHostTest {
    private static final String HOST = "no-such-host.invalid";

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void anAcceptorOnAnUnresolvableHostFailsToStartNamingTheHostAndTheResolversCause() {
        TcpAcceptor server = net.tcpAcceptor(new RecordingEventCallback(), b -> b.address(HOST + ":7000"));
        try (LogCapture log = new LogCapture()) {
            CompletionException e = assertThrows(CompletionException.class, () -> server.start().join());
            BindException bind = assertInstanceOf(BindException.class, e.getCause());
            assertEquals("tcp.Acceptor 'server' cannot listen on " + HOST + ":7000: the host '" + HOST
                    + "' cannot be resolved (" + bind.getCause() + ")", bind.getMessage());
            assertInstanceOf(UnknownHostException.class, bind.getCause());
            assertTrue(bind.getCause().getMessage().contains(HOST), bind.getCause().getMessage());
            assertFalse(bind.getMessage().contains("null"), bind.getMessage());
            log.awaitLine("ERROR", bind.getMessage());
        }
        assertEquals(PeerState.STOPPED, server.state());
    }

    @Test
    void aConnectorToAnUnresolvableHostReportsTheHostAndTheResolversCause() {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(7000, events, b -> b.address(HOST + ":7000"));
        CompletionException e = assertThrows(CompletionException.class, () -> client.start().join());
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertEquals(e.getCause(), error.cause());
        assertInstanceOf(UnknownHostException.class, error.cause());
        assertTrue(error.cause().getMessage().contains(HOST), error.cause().getMessage());
        assertFalse(error.willRetry());
    }
}
