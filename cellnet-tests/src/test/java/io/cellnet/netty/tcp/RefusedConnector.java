package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.ReconnectPolicy;
import io.cellnet.SessionConnectError;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.ReservedPort;
import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A reconnecting connector whose first attempt was refused: it dials a reserved port that nobody
 * listens on, its reconnect delays run on a manual clock, and its next attempt is scheduled. A
 * test starts a server on {@link #port()} (or not), then runs the attempt with {@link #retry}.
 */
record RefusedConnector(int port, ManualScheduler clock, RecordingEventCallback events, TcpConnector client) {

    /** Starts a connector with {@code policy} and {@code more}, and waits for its refused first attempt. */
    static RefusedConnector start(CellnetPeersExtension net, ReconnectPolicy policy,
            UnaryOperator<TcpConnectorBuilder> more) {
        int port = net.closeAfterTest(ReservedPort.reserve()).port();
        ManualScheduler clock = new ManualScheduler();
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.tcpConnector(port, events, b -> more.apply(b.reconnect(policy).scheduler(clock)));
        client.start().join();
        SessionConnectError refused = events.expect(SessionConnectError.class);
        assertEquals(0, refused.attempt(), "the first attempt after start() is attempt 0");
        assertTrue(refused.willRetry());
        clock.awaitPendingTasks(1, NetFixtures.WAIT);
        return new RefusedConnector(port, clock, events, client);
    }

    /** {@code 127.0.0.1:port}, for the server a test starts there. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** Runs the scheduled attempt: waits until it is scheduled, then moves the clock by {@code delay}. */
    void retry(Duration delay) {
        clock.awaitPendingTasks(1, NetFixtures.WAIT);
        assertEquals(1, clock.advance(delay), "the scheduled attempt ran");
    }
}
