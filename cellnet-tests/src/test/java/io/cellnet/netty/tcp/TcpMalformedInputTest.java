package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.LtvFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-input table of the reference (§2.3) against an echo server: each bad input closes
 * only the offending session, with reason IO and the cause; a bystander session keeps echoing;
 * no buffer leaks (checked by the base class). The same table frame by frame, and the read idle
 * timeout on virtual time, are in {@code ltv.LtvTransmitterTest}.
 */
class TcpMalformedInputTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private static final String HELLO = LtvFrames.HELLO;

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private TcpConnector bystander;
    private final RecordingEventCallback bystanderEvents = new RecordingEventCallback();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.cellnet.netty.LtvFrames#badInput")
    void badInputClosesOnlyThatSession(String name, String hex, Class<? extends Throwable> cause) throws Exception {
        TcpAcceptor s = serverUnderTest();
        try (RawClient bad = new RawClient(s.port())) {
            serverEvents.expect(SessionAccepted.class);
            bad.write(hex);
            assertEquals("", bad.readUntilClosed());
            SessionClosed closed = serverEvents.expect(SessionClosed.class);
            assertEquals(CloseReason.IO, closed.reason());
            assertInstanceOf(cause, closed.cause());
        }
        assertBystanderStillEchoes();
    }

    @Test
    void validFramesTogetherSplitAndAtTheSizeLimitAreEchoed() throws Exception {
        TcpAcceptor s = serverUnderTest();
        String largest = LtvFrames.frame(new TestEchoAck("x".repeat(91), 7));
        assertEquals("6300", largest.substring(0, 4));
        try (RawClient c = new RawClient(s.port())) {
            c.write(HELLO + HELLO);
            assertEquals(HELLO + HELLO, c.read(HELLO.length()));
            c.write(HELLO.substring(0, 4)).write(HELLO.substring(4, 12)).write(HELLO.substring(12));
            assertEquals(HELLO, c.read(HELLO.length() / 2));
            c.write(largest);
            assertEquals(largest, c.read(largest.length() / 2));
        }
        serverEvents.expect(SessionAccepted.class);
        for (int i = 0; i < 4; i++) {
            serverEvents.expect(TestEchoAck.class);
        }
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
        assertBystanderStillEchoes();
    }

    @Test
    void aHalfCloseStillGetsTheReplyToItsLastRequest() throws Exception {
        TcpAcceptor s = serverUnderTest();
        try (RawClient c = new RawClient(s.port())) {
            c.write(HELLO).shutdownOutput();
            assertEquals(HELLO, c.readUntilClosed());
        }
        serverEvents.expect(SessionAccepted.class);
        serverEvents.expect(TestEchoAck.class);
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
    }

    private TcpAcceptor serverUnderTest() {
        TcpAcceptor s = net.tcpAcceptor(ev -> {
            serverEvents.onEvent(ev);
            if (ev.message() instanceof TestEchoAck) {
                ev.reply(ev.message());
            }
        }, b -> b.maxPacketSize(100));
        s.start().join();
        bystander = net.start(net.tcpConnector(s.port(), bystanderEvents, b -> b));
        bystanderEvents.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
        return s;
    }

    private void assertBystanderStillEchoes() {
        bystander.session().send(new TestEchoAck("still", 1));
        assertEquals(new TestEchoAck("still", 1), bystanderEvents.expect(TestEchoAck.class));
        RecvMsgEvent ev = serverEvents.poll();
        assertTrue(ev.message() instanceof TestEchoAck, ev.toString());
        assertNull(serverEvents.pollOrNull(Duration.ZERO));
    }
}
