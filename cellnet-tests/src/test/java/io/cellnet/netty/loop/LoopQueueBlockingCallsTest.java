package io.cellnet.netty.loop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.PeerState;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.LoopEventQueue;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.NettyQueues;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.rpc.Rpc;
import io.cellnet.proc.SyncReceiver;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Blocking calls from a callback on a loop queue fail at once with an error that names the loop and
 * what to do instead, rather than waiting for the I/O of the thread they block; {@code close()}
 * there starts the stop and returns.
 */
class LoopQueueBlockingCallsTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final LoopEventQueue loop = net.closeAfterTest(NettyQueues.loop("blocking-loop"));
    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private TcpAcceptor server;
    private TcpConnector client;

    @BeforeEach
    void connect() {
        server = net.start(net.tcpAcceptor(Echo.after(serverEvents), b -> b.queue(loop)));
        RecordingEventCallback events = new RecordingEventCallback();
        client = net.start(net.tcpConnector(server.port(), events, b -> b.queue(loop)));
        events.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
    }

    /** Runs {@code call} in a callback of the client's session on the loop; what it threw, or null. */
    private Throwable thrownOnLoop(ThrowingCall call) throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        assertTrue(loop.post(() -> {
            assertTrue(loop.inLoop());
            try {
                call.run();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }));
        return outcome.get(2, TimeUnit.SECONDS);
    }

    private static void assertRefused(Throwable t, String call, String instead) {
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, t);
        assertTrue(e.getMessage().contains(call), e.getMessage());
        assertTrue(e.getMessage().contains("loop queue 'blocking-loop'"), e.getMessage());
        assertTrue(e.getMessage().contains(instead), e.getMessage());
    }

    @Test
    void rpcCallSyncIsRefusedBeforeAnythingIsSent() throws Exception {
        assertRefused(thrownOnLoop(() -> Rpc.callSync(client, new TestEchoAck("rpc", 1), Duration.ofSeconds(1))),
                "Rpc.callSync", "use Rpc.call");
        assertRefused(thrownOnLoop(() -> Rpc.callSyncType(client, new TestEchoAck("rpc", 2), TestEchoAck.class,
                Duration.ofSeconds(1))), "Rpc.callSyncType", "Rpc.callType");
        // nothing reached the server; the asynchronous form works from the same place
        CompletableFuture<Object> reply = new CompletableFuture<>();
        loop.post(() -> Rpc.call(client, new TestEchoAck("async", 3), Duration.ofSeconds(5))
                .whenComplete((r, e) -> reply.complete(e != null ? e : r)));
        assertEquals(new TestEchoAck("async", 3), reply.get(5, TimeUnit.SECONDS));
        assertEquals(new TestEchoAck("async", 3), serverEvents.expect(TestEchoAck.class), "the refused calls sent nothing");
        serverEvents.assertNoMoreEvents();
    }

    @Test
    void syncReceiverWaitsAreRefused() throws Exception {
        SyncReceiver receiver = new SyncReceiver();
        assertRefused(thrownOnLoop(() -> receiver.recv(Duration.ofSeconds(1))), "SyncReceiver.recv",
                "handle the message in the callback");
        assertRefused(thrownOnLoop(() -> receiver.waitMessage(TestEchoAck.class, Duration.ofSeconds(1))),
                "SyncReceiver.waitMessage", "handle the message in the callback");
    }

    @Test
    void aSyncConnectorsStartIsRefusedAndStartsNothing() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector sync = net.tcpSyncConnector(server.port(), events, b -> b.queue(loop));
        assertRefused(thrownOnLoop(sync::start), "tcp.SyncConnector 'client'.start()", "TcpPeers.connector()");
        assertEquals(PeerState.STOPPED, sync.state());
        events.assertNoMoreEvents();
    }

    @Test
    void closeStartsTheStopAndReturnsWithoutWaiting() throws Exception {
        // waiting there would wait for this very thread (bounded by close timeout + 10 s, far past 2 s)
        assertEquals(null, thrownOnLoop(client::close));
        serverEvents.expect(SessionClosed.class);
        await().atMost(NetFixtures.WAIT).until(() -> client.state() == PeerState.STOPPED);
        net.start(client);   // a new start waits for the stop to end, then connects again
        serverEvents.expect(SessionAccepted.class);
    }

    /** A call that may throw anything. */
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
