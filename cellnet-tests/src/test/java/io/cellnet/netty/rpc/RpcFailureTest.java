package io.cellnet.netty.rpc;

import io.cellnet.rpc.Rpc;
import io.cellnet.rpc.RpcException;
import io.cellnet.rpc.RpcOptions;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Timeouts, closed sessions, the pending-call limit and refused calls: each fails, and at once. */
class RpcFailureTest extends RpcTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final ManualScheduler clock = new ManualScheduler();

    /** The failure of {@code future}, which must fail within 5 s. */
    private static Throwable failure(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> future.orTimeout(5, TimeUnit.SECONDS).join());
        return e.getCause();
    }

    private static RpcException.Reason reason(CompletableFuture<?> future) {
        return assertInstanceOf(RpcException.class, failure(future)).reason();
    }

    /** A call that the server has received and holds, its timeout on the manual clock. */
    private CompletableFuture<Object> heldCall(TcpConnector client, Duration timeout) {
        Rpc.configure(client, RpcOptions.DEFAULT.withScheduler(clock));
        CompletableFuture<Object> call = Rpc.call(client, new TestEchoAck("slow", 1), timeout);
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);
        return call;
    }

    @Test
    void timeoutFailsTheCallAndTheLateAnswerIsDropped() {
        onCall = ev -> { };
        TcpConnector client = client(server());
        CompletableFuture<Object> call = heldCall(client, Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(call.isDone());
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(TimeoutException.class, failure(call));

        calls.get(0).reply(new TestEchoAck("late", 0));
        calls.get(0).send(new TestEchoAck("after the late answer", 0));
        assertEquals(new TestEchoAck("after the late answer", 0), clientEvents.expect(TestEchoAck.class));
        clientEvents.assertNoMoreEvents();
    }

    @Test
    void timeoutReachesTheCallbackOnTheQueue() {
        onCall = ev -> { };
        TcpConnector client = client(server());
        Rpc.configure(client.session(), RpcOptions.DEFAULT.withScheduler(clock));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Rpc.call(client, new TestEchoAck("slow", 1), Duration.ofMillis(500),
                (reply, error) -> outcome.complete(clientQueue.inLoop() && reply == null ? error : null));
        clock.advance(Duration.ofMillis(500));
        assertInstanceOf(TimeoutException.class, outcome.orTimeout(5, TimeUnit.SECONDS).join());
    }

    @Test
    void syncCallTimesOutWithATimeoutException() {
        onCall = ev -> { };
        TcpConnector client = client(server());
        assertThrows(TimeoutException.class,
                () -> Rpc.callSync(client, new TestEchoAck("slow", 1), Duration.ofMillis(200)));
    }

    @Test
    void sessionCloseFailsWaitingCallsAtOnce() {
        onCall = ev -> ev.session().close();
        TcpConnector client = client(server());
        CompletableFuture<Object> call = Rpc.call(client, new TestEchoAck("bye", 1), TIMEOUT);
        assertEquals(RpcException.Reason.SESSION_CLOSED, reason(call));
        clientEvents.expect(SessionClosed.class);
    }

    @Test
    void pendingCallsPerSessionAreBounded() {
        onCall = ev -> { };
        TcpConnector client = client(server());
        Rpc.configure(client, new RpcOptions(2, clock));
        List<CompletableFuture<Object>> waiting = List.of(Rpc.call(client, new TestEchoAck("1", 1), TIMEOUT),
                Rpc.call(client, new TestEchoAck("2", 2), TIMEOUT));
        CompletableFuture<Object> third = Rpc.call(client, new TestEchoAck("3", 3), TIMEOUT);
        assertTrue(third.isDone(), "failed at once");
        assertEquals(RpcException.Reason.TOO_MANY_PENDING, reason(third));

        clock.advance(TIMEOUT);
        waiting.forEach(f -> assertInstanceOf(TimeoutException.class, failure(f)));
        assertFalse(Rpc.call(client, new TestEchoAck("4", 4), TIMEOUT).isDone(), "room again after the timeouts");
    }

    @Test
    void callOnAClosedOrDisconnectedSessionFailsAtOnce() {
        TcpAcceptor server = server();
        TcpConnector client = client(server);
        NetFixtures.stop(client);
        CompletableFuture<Object> call = Rpc.call(client, new TestEchoAck("nobody", 1), TIMEOUT);
        assertTrue(call.isDone());
        assertEquals(RpcException.Reason.NOT_SENT, reason(call));
    }

    @Test
    void callbackOfACallOnAClosedSessionIsCalledWithTheError() {
        TcpConnector client = client(server());
        NetFixtures.stop(client);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Rpc.call(client, new TestEchoAck("nobody", 1), TIMEOUT, (reply, error) -> outcome.complete(error));
        RpcException e = assertInstanceOf(RpcException.class, outcome.orTimeout(5, TimeUnit.SECONDS).join());
        assertEquals(RpcException.Reason.NOT_SENT, e.reason());
    }

    @Test
    void requestThatCannotBeEncodedFailsAtOnce() {
        TcpConnector client = client(server());
        CompletableFuture<Object> call = Rpc.call(client, new Unregistered(), TIMEOUT);
        assertTrue(call.isDone());
        assertEquals(RpcException.Reason.NOT_SENT, reason(call));
    }

    @Test
    void replyOfAnotherClassFailsTheTypedCall() {
        TcpConnector client = client(server());
        CompletableFuture<String> call = Rpc.call(client, new TestEchoAck("x", 1), String.class, TIMEOUT);
        assertEquals(RpcException.Reason.BAD_REPLY, reason(call));
    }

    @Test
    void syncCallOnAnIoThreadIsRefused() {
        TcpAcceptor server = server();
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        net.start(net.tcpConnector(server.port(), ev -> {
            if (ev.message() instanceof SessionConnected) {
                try {
                    Rpc.callSync(ev.session(), new TestEchoAck("x", 1), TIMEOUT);
                    refused.complete(null);
                } catch (Exception e) {
                    refused.complete(e);
                }
            }
        }, b -> b.name("io-client").queue(EventQueue.direct())));
        assertInstanceOf(IllegalStateException.class, refused.orTimeout(5, TimeUnit.SECONDS).join());
        assertTrue(calls.isEmpty(), "nothing was sent");
    }

    @Test
    void argumentsAreChecked() {
        TcpConnector client = client(server());
        assertThrows(IllegalArgumentException.class, () -> Rpc.call(client, new TestEchoAck("x", 1), Duration.ZERO));
        assertThrows(NullPointerException.class, () -> Rpc.call(client, null, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> new RpcOptions(0, clock));
    }

    /** A message no registry knows. */
    record Unregistered() {
    }

    @Test
    void theLateAnswerIsDroppedWithADebugLineNamingTheSessionAndTheCall() {
        onCall = ev -> { };
        TcpConnector client = client(server());
        CompletableFuture<Object> call = heldCall(client, Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(TimeoutException.class, failure(call));
        try (LogCapture log = new LogCapture()) {
            calls.get(0).reply(new TestEchoAck("late", 0));
            String line = log.awaitLine("DEBUG", "cellnet.rpc", "dropped the answer to rpc call " + calls.get(0).callId(),
                    "no such call is waiting");
            assertTrue(line.contains("session " + client.session().id() + " of peer 'client'"), line);
        }
        calls.get(0).send(new TestEchoAck("after the late answer", 0));
        assertEquals(new TestEchoAck("after the late answer", 0), clientEvents.expect(TestEchoAck.class));
        clientEvents.assertNoMoreEvents();
    }
}
