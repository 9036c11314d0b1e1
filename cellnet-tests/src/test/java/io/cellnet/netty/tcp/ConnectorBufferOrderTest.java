package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Hold;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.ManualScheduler;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reconnect buffer keeps each thread's order: a send made while the buffered messages are
 * being written into a new connection goes out after them, never ahead of them.
 */
class ConnectorBufferOrderTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    /** A message no registry knows: drained from the buffer, it fails to encode and is logged. */
    private record Unregistered() {
    }

    @AfterEach
    void endSender() {
        sender.shutdownNow();
    }

    @Test
    void aSendDuringTheDrainOfTheBufferGoesOutAfterTheMessagesBufferedBeforeIt() throws Exception {
        RefusedConnector refused = RefusedConnector.start(net, ReconnectPolicy.fixed(Duration.ofSeconds(1)),
                b -> b.disconnectedSendPolicy(DisconnectedSendPolicy.buffer(8)));
        ManualScheduler clock = refused.clock();
        RecordingEventCallback events = refused.events();
        TcpConnector client = refused.client();
        Thread senderThread = sender.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(SendResult.BUFFERED, SendResult.BUFFERED),
                List.of(send(client, new Unregistered()), send(client, new TestEchoAck("buffered", 1))));
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.tcpAcceptor(serverEvents, b -> b.address(refused.address()));
        server.start().join();
        Hold hold = new Hold();
        // the drain logs the refused first message, and is held there, before the second one
        LogCapture drain = LogCapture.holding(hold, "cannot send", Unregistered.class.getName());
        try {
            assertEquals(1, clock.advance(Duration.ofSeconds(1)));
            hold.awaitEntered();
            CompletableFuture<SendResult> later = CompletableFuture.supplyAsync(
                    () -> client.session().send(new TestEchoAck("later", 2)), sender);
            await("the later send to return or wait").atMost(NetFixtures.WAIT)
                    .until(() -> later.isDone() || senderThread.getState() == Thread.State.BLOCKED);
            hold.release();
            assertEquals(SendResult.QUEUED, later.get(5, TimeUnit.SECONDS));
        } finally {
            hold.release();
            drain.close();
        }
        long id = events.expectEvent(SessionConnected.class).session().id();
        assertEquals(1, drain.lines("cannot send", Unregistered.class.getName(), "session " + id + " ").size(),
                "the refused buffered message is logged under the new connection's id " + id);
        serverEvents.expect(SessionAccepted.class);
        assertEquals(new TestEchoAck("buffered", 1), serverEvents.expect(TestEchoAck.class));
        assertEquals(new TestEchoAck("later", 2), serverEvents.expect(TestEchoAck.class));
        NetFixtures.stop(client);
        NetFixtures.stop(server);
        Leaks.assertNothingLeft();
    }

    private SendResult send(TcpConnector client, Object message) throws Exception {
        return sender.submit(() -> client.session().send(message)).get(5, TimeUnit.SECONDS);
    }
}
