package io.cellnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.SendResult;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.EmbeddedPeer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The rate-limited log limits each cause on its own: a repeated failure costs one line per
 * interval, while a second, different failure is logged at once (before, one line per call site
 * and interval hid it).
 */
class RateLimitedLogTest {
    private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger("rate-limited-log-test"), 1,
            TimeUnit.HOURS);

    @Test
    void aSecondCauseIsLoggedAtOnceWhileTheRepeatedOneIsSuppressed() {
        try (LogCapture capture = new LogCapture()) {
            log.warn("session {}: cannot send {}: {}", 1L, "game.Login", new IOException("Broken pipe"));
            log.warn("session {}: cannot send {}: {}", 2L, "game.Login", new IOException("Broken pipe"));
            log.warn("session {}: cannot send {}: {}", 3L, "game.Login", new IOException("Connection reset by peer"));
            log.warn("session {}: cannot send {}: {}", 4L, "game.Chat", SendResult.TOO_LARGE);
            log.warn("session {}: cannot send {}: {}", 5L, "game.Chat", SendResult.OVERFLOW);
            log.warn("session {}: cannot send {}: {}", 6L, "game.Chat", SendResult.OVERFLOW);

            assertEquals(4, capture.lines("rate-limited-log-test").size(), capture.lines("rate-limited-log-test")::toString);
            assertEquals(2, log.suppressed(), "the second Broken pipe and the second OVERFLOW");
        }
    }

    @Test
    void digitsDoNotMakeANewCause() {
        try (LogCapture capture = new LogCapture()) {
            log.warn("peer '{}': dropped a datagram from {}: {}", "udp", "10.0.0.1:4000", "frame of 70000 bytes");
            log.warn("peer '{}': dropped a datagram from {}: {}", "udp", "10.0.0.2:4001", "frame of 80000 bytes");
            assertEquals(1, capture.lines("rate-limited-log-test").size());
            assertEquals(1, log.suppressed());
        }
    }

    @Test
    void pastTheBoundCausesShareOneLimit() {
        try (LogCapture capture = new LogCapture()) {
            for (int i = 0; i < RateLimitedLog.MAX_CAUSES + 10; i++) {
                log.warn("cause {}", "c" + Character.toString('A' + i));
            }
            assertEquals(RateLimitedLog.MAX_CAUSES + 1, capture.lines("rate-limited-log-test").size());
            assertEquals(9, log.suppressed());
        }
    }

    @Test
    void aSessionThatFailsTwoDifferentWaysGetsTwoLines() {
        try (LogCapture capture = new LogCapture();
                EmbeddedPeer peer = EmbeddedPeer.builder().registry(NetFixtures.registry()).build()) {
            assertEquals(SendResult.ENCODE_FAILED, peer.session().send("a String is no registered message"));
            assertEquals(SendResult.ENCODE_FAILED, peer.session().send(42));
            assertEquals(SendResult.ENCODE_FAILED, peer.session().send("another String"));
            assertEquals(SendResult.QUEUED, peer.session().send(new TestEchoAck("fine", 1)));
            assertEquals(1, capture.lines("cannot send java.lang.String").size(), capture.lines("cannot send")::toString);
            assertEquals(1, capture.lines("cannot send java.lang.Integer").size(), capture.lines("cannot send")::toString);
        }
    }
}
