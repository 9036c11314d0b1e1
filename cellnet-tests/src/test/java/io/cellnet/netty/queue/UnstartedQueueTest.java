package io.cellnet.netty.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.internal.QueueStartCheck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A peer bound to an event queue that nobody started: its events would pile up with no sign, so
 * the first one that waits past a grace period gets one WARN naming the queue and the peer.
 */
class UnstartedQueueTest {
    private static final String WARNING = "event queue 'game' of peer 'server' was never started";

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void eventsWaitingOnAQueueNobodyStartedAreReportedOnce() {
        EventQueue queue = net.closeAfterTest(EventQueue.create("game"));   // startLoop() forgotten
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b.queue(queue)));
        RecordingEventCallback events = new RecordingEventCallback();
        try (LogCapture log = new LogCapture()) {
            net.start(net.tcpConnector(server.port(), events, b -> b));
            events.expect(SessionConnected.class);
            String line = log.awaitLine("WARN", WARNING);
            assertTrue(line.contains("call queue.startLoop(), or build the peer with EventQueue.direct()"), line);
            assertEquals(1, log.lines(WARNING).size());
            assertEquals(0, serverEvents.size(), "nothing ran: the queue never started");
        }
        queue.startLoop();
        serverEvents.expect(SessionAccepted.class);
    }

    @Test
    void aQueueStartedWithinTheGracePeriodIsNotReported() {
        ManualScheduler clock = new ManualScheduler();
        EventQueue queue = net.closeAfterTest(EventQueue.create("game"));
        QueueStartCheck check = new QueueStartCheck(queue, "server", clock, Duration.ofSeconds(1));
        try (LogCapture log = new LogCapture()) {
            check.posted();
            assertEquals(1, clock.pendingTasks(), "the first event arms the check");
            queue.startLoop();
            check.posted();
            assertEquals(1, clock.advanceUntilIdle());
            assertEquals(0, log.lines(WARNING).size());
        }
    }

    @Test
    void aStartedQueueIsNeverChecked() {
        ManualScheduler clock = new ManualScheduler();
        EventQueue queue = net.closeAfterTest(EventQueue.create("game").startLoop());
        QueueStartCheck check = new QueueStartCheck(queue, "server", clock, Duration.ofSeconds(1));
        check.posted();
        assertEquals(0, clock.pendingTasks());
        assertTrue(queue.isStarted());
        assertTrue(EventQueue.direct().isStarted());
        assertFalse(EventQueue.create("never").isStarted());
    }
}
