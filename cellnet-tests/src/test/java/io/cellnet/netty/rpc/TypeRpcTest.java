package io.cellnet.netty.rpc;

import io.cellnet.rpc.Rpc;
import io.cellnet.rpc.RpcException;
import io.cellnet.rpc.RpcOptions;
import io.cellnet.rpc.RpcRecvMsgEvent;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionClosed;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.proc.Processors;
import io.cellnet.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Go's TestTypeRPC over the {@code tcp.ltv.type} processor: requests go as plain messages and the
 * reply is matched by class, oldest call first.
 */
class TypeRpcTest extends RpcTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Plain requests the server received, in order. */
    private final List<RecvMsgEvent> requests = new CopyOnWriteArrayList<>();
    /** What the server does with a plain request; by default it answers with {@code Value + 1}. */
    private volatile Consumer<RecvMsgEvent> onRequest = TypeRpcTest::answer;

    private static void answer(RecvMsgEvent ev) {
        TestEchoAck m = (TestEchoAck) ev.message();
        ev.reply(new TestEchoAck(m.Msg(), m.Value() + 1));
    }

    private TcpAcceptor plainServer() {
        EventQueue queue = net.queue("type-server");
        return net.start(net.tcpAcceptor(ev -> {
            if (ev.message() instanceof TestEchoAck) {
                requests.add(ev);
                onRequest.accept(ev);
            }
        }, b -> b.queue(queue)));
    }

    @Test
    void twoSequentialSyncTypedCallsAsInGo() throws Exception {
        TcpConnector client = client(plainServer(), "tcp.ltv.type");
        assertEquals(new TestEchoAck("first", 2),
                Rpc.callSyncType(client, new TestEchoAck("first", 1), TestEchoAck.class, TIMEOUT));
        assertEquals(new TestEchoAck("second", 3),
                Rpc.callSyncType(client, new TestEchoAck("second", 2), TestEchoAck.class, TIMEOUT));
        assertTrue(requests.stream().noneMatch(RpcRecvMsgEvent.class::isInstance), "sent as plain messages");
        clientEvents.assertNoMoreEvents();
    }

    @Test
    void callsInFlightForTheSameTypeGetTheirRepliesInOrder() {
        onRequest = ev -> { };
        TcpConnector client = client(plainServer(), "tcp.ltv.type");
        CompletableFuture<TestEchoAck> first = Rpc.callType(client, new TestEchoAck("a", 10), TestEchoAck.class, TIMEOUT);
        CompletableFuture<TestEchoAck> second = Rpc.callType(client, new TestEchoAck("b", 20), TestEchoAck.class,
                TIMEOUT);
        await().atMost(TIMEOUT).until(() -> requests.size() == 2);
        requests.forEach(TypeRpcTest::answer);
        assertEquals(new TestEchoAck("a", 11), first.orTimeout(5, TimeUnit.SECONDS).join());
        assertEquals(new TestEchoAck("b", 21), second.orTimeout(5, TimeUnit.SECONDS).join());
        clientEvents.assertNoMoreEvents();
    }

    @Test
    void callbackRunsOnTheClientQueue() {
        TcpConnector client = client(plainServer(), "tcp.ltv.type");
        CompletableFuture<TestEchoAck> got = new CompletableFuture<>();
        Rpc.callType(client, new TestEchoAck("cb", 1), TestEchoAck.class, TIMEOUT, (reply, error) -> {
            if (clientQueue.inLoop() && reply != null) {
                got.complete(reply);
            } else {
                got.completeExceptionally(new AssertionError("reply " + reply + ", error " + error));
            }
        });
        assertEquals(new TestEchoAck("cb", 2), got.orTimeout(5, TimeUnit.SECONDS).join());
    }

    @Test
    void timedOutCallIsRemovedAndALaterReplyReachesTheCallback() {
        ManualScheduler clock = new ManualScheduler();
        onRequest = ev -> { };
        TcpConnector client = client(plainServer(), "tcp.ltv.type");
        Rpc.configure(client, RpcOptions.DEFAULT.withScheduler(clock));
        CompletableFuture<TestEchoAck> call = Rpc.callType(client, new TestEchoAck("x", 1), TestEchoAck.class, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> requests.size() == 1);
        clock.advance(TIMEOUT);
        CompletionException e = assertThrows(CompletionException.class, call::join);
        assertInstanceOf(TimeoutException.class, e.getCause());

        answer(requests.get(0));
        assertEquals(new TestEchoAck("x", 2), clientEvents.expect(TestEchoAck.class));
    }

    @Test
    void sessionCloseFailsWaitingTypedCallsAtOnce() {
        onRequest = ev -> ev.session().close();
        TcpConnector client = client(plainServer(), "tcp.ltv.type");
        CompletableFuture<TestEchoAck> call = Rpc.callType(client, new TestEchoAck("x", 1), TestEchoAck.class,
                Duration.ofMinutes(1));
        CompletionException e = assertThrows(CompletionException.class,
                () -> call.orTimeout(5, TimeUnit.SECONDS).join());
        assertEquals(RpcException.Reason.SESSION_CLOSED, assertInstanceOf(RpcException.class, e.getCause()).reason());
        clientEvents.expect(SessionClosed.class);
    }

    @Test
    void typedCallsAreBoundedPerSession() {
        onRequest = ev -> { };
        TcpConnector client = client(plainServer(), "tcp.ltv.type");
        Rpc.configure(client, RpcOptions.DEFAULT.withMaxPendingCalls(1));
        CompletableFuture<TestEchoAck> first = Rpc.callType(client, new TestEchoAck("1", 1), TestEchoAck.class, TIMEOUT);
        CompletableFuture<TestEchoAck> second = Rpc.callType(client, new TestEchoAck("2", 2), TestEchoAck.class,
                TIMEOUT);
        CompletionException e = assertThrows(CompletionException.class, second::join);
        assertEquals(RpcException.Reason.TOO_MANY_PENDING, assertInstanceOf(RpcException.class, e.getCause()).reason());
        first.cancel(false);
        assertTrue(!Rpc.callType(client, new TestEchoAck("3", 3), TestEchoAck.class, TIMEOUT).isDone(),
                "a cancelled call leaves the table");
    }

    @Test
    void theTypeProcessorIsRegisteredByName() {
        assertTrue(Processors.names().containsAll(List.of("tcp.ltv", "tcp.ltv.type")));
    }
}
