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
import io.cellnet.TCPAcceptor;
import io.cellnet.TCPConnector;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.EchoTestCodec;
import io.cellnet.netty.FrameException;
import io.cellnet.netty.IdleTimeoutException;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-input table of the reference (§2.3) against an echo server: each bad input closes
 * only the offending session, with reason IO and the cause; a bystander session keeps echoing;
 * no buffer leaks (checked by the base class).
 */
class TcpMalformedInputTest extends TcpTestBase {
    private static final String HELLO = frame(new TestEchoAck("hello", 1234));

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private TCPConnector bystander;
    private final RecordingEventCallback bystanderEvents = new RecordingEventCallback();

    static String frame(TestEchoAck m) {
        byte[] body = EchoTestCodec.INSTANCE.encode(m);
        String hex = HexFormat.of().formatHex(body);
        int size = body.length + 2;
        return String.format("%02x%02x4112", size & 0xFF, size >> 8) + hex;
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("size 0", "0000", FrameException.class),
                Arguments.of("size 1", "0100ff", FrameException.class),
                Arguments.of("unknown msgid", "02003412", FrameException.class),
                Arguments.of("unknown msgid with body", "04003412abcd", FrameException.class),
                Arguments.of("system id SessionClosed", "0200d39c", FrameException.class),
                Arguments.of("system id SessionAccepted", "020092ab", FrameException.class),
                Arguments.of("garbage body", "05004112ffff01", CodecException.class),
                Arguments.of("string longer than body", "080041120a0061626364", CodecException.class),
                Arguments.of("size 100 with maxPacketSize 100", "6400" + "4112" + "00".repeat(98), FrameException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputClosesOnlyThatSession(String name, String hex, Class<? extends Throwable> cause) throws Exception {
        TCPAcceptor s = serverUnderTest();
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
        TCPAcceptor s = serverUnderTest();
        String largest = frame(new TestEchoAck("x".repeat(91), 7));
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
        TCPAcceptor s = serverUnderTest();
        try (RawClient c = new RawClient(s.port())) {
            c.write(HELLO).shutdownOutput();
            assertEquals(HELLO, c.readUntilClosed());
        }
        serverEvents.expect(SessionAccepted.class);
        serverEvents.expect(TestEchoAck.class);
        assertEquals(CloseReason.IO, serverEvents.expect(SessionClosed.class).reason());
    }

    @Test
    void aTruncatedFrameThenSilenceIsClosedByTheReadIdleTimeout() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TCPAcceptor idle = acceptor(events, b -> b.socketDeadline(Duration.ofMillis(200), Duration.ZERO));
        idle.start().join();
        try (RawClient c = new RawClient(idle.port())) {
            c.write("32004112" + "00".repeat(6));
            assertEquals("", c.readUntilClosed());
        }
        events.expect(SessionAccepted.class);
        SessionClosed closed = events.expect(SessionClosed.class);
        assertEquals(CloseReason.IO, closed.reason());
        assertInstanceOf(IdleTimeoutException.class, closed.cause());
    }

    private TCPAcceptor serverUnderTest() {
        TCPAcceptor s = acceptor(ev -> {
            serverEvents.onEvent(ev);
            if (ev.message() instanceof TestEchoAck) {
                ev.reply(ev.message());
            }
        }, b -> b.maxPacketSize(100));
        s.start().join();
        bystander = startedConnector(s.port(), bystanderEvents);
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
