package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.Echo;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session closed for bad input is reported by exactly one WARN line that names the peer, the
 * session id, the remote address and the cause, for every row of the malformed-input table of the
 * reference (§2.3). That the other sessions keep running is checked by {@code TcpMalformedInputTest}
 * and {@code JsonMalformedInputTest}.
 */
class BadInputLogTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.cellnet.netty.LtvFrames#badInput")
    void oneWarnLineNamesPeerSessionRemoteAddressAndCause(String name, String hex, Class<? extends Throwable> cause)
            throws Exception {
        TcpAcceptor server = net.tcpAcceptor(Echo.after(serverEvents),
                b -> b.name("bad-input-server").maxPacketSize(100));
        server.start().join();
        try (LogCapture log = new LogCapture(); RawClient bad = new RawClient(server.port())) {
            long id = serverEvents.expectEvent(SessionAccepted.class).session().id();
            bad.write(hex);
            assertEquals("", bad.readUntilClosed());
            RecvMsgEvent ev = serverEvents.expectEvent(SessionClosed.class);
            SessionClosed closed = (SessionClosed) ev.message();
            assertEquals(CloseReason.IO, closed.reason());
            assertInstanceOf(cause, closed.cause());
            assertEquals(id, ev.session().id());

            String line = log.awaitLine(" WARN ", "session " + id + " ");
            List<String> warnings = log.lines(" WARN ", "'bad-input-server'");
            assertEquals(List.of(line), warnings, "exactly one WARN line about this peer");
            String remote = "127.0.0.1:" + bad.localPort();
            for (String part : List.of("peer 'bad-input-server'", "session " + id + " ", remote,
                    cause.getName(), closed.cause().getMessage())) {
                assertTrue(line.contains(part), "'" + part + "' missing from: " + line);
            }
        }
    }
}
