package io.cellnet.netty.rpc;

import io.cellnet.rpc.Rpc;
import io.cellnet.rpc.RpcRecvMsgEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.RecordingEventCallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Go's TestSyncRPC and TestASyncRPC, Java to Java over TCP, and what succeeds around them. */
class RpcCallTest extends RpcTestBase {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void twoConcurrentSyncCallsFromTwoThreads() throws Exception {
        TcpConnector client = client(server());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<TestEchoAck>> results = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                TestEchoAck req = new TestEchoAck("hello", i * 100);
                results.add(threads.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return Rpc.callSync(client, req, TestEchoAck.class, TIMEOUT);
                }));
            }
            assertEquals(new TestEchoAck("hello", 101), results.get(0).get(10, TimeUnit.SECONDS));
            assertEquals(new TestEchoAck("hello", 201), results.get(1).get(10, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Set.of(1L, 2L), calls.stream().map(RpcRecvMsgEvent::callId).collect(Collectors.toSet()));
        clientEvents.assertNoMoreEvents();
    }

    @Test
    void syncCallsFromTheQueueThreadAsInGo() {
        TcpAcceptor server = server();
        CompletableFuture<List<Object>> replies = new CompletableFuture<>();
        net.start(net.tcpConnector(server.port(), ev -> {
            if (ev.message() instanceof SessionConnected) {
                try {
                    assertTrue(clientQueue.inLoop());
                    Object first = Rpc.callSync(ev.session(), new TestEchoAck("a", 1), TIMEOUT);
                    Object second = Rpc.callSync(ev.session(), new TestEchoAck("b", 2), TIMEOUT);
                    replies.complete(List.of(first, second));
                } catch (Exception | AssertionError e) {
                    replies.completeExceptionally(e);
                }
            }
        }, b -> b.queue(clientQueue)));
        assertEquals(List.of(new TestEchoAck("a", 2), new TestEchoAck("b", 3)), replies.orTimeout(10, TimeUnit.SECONDS)
                .join());
    }

    @Test
    void twoAsyncCallsCallBackOnTheClientQueue() {
        TcpConnector client = client(server());
        List<CompletableFuture<Object>> results = List.of(new CompletableFuture<>(), new CompletableFuture<>());
        for (int i = 0; i < 2; i++) {
            CompletableFuture<Object> result = results.get(i);
            Rpc.call(client, new TestEchoAck("async", i), TIMEOUT, (reply, error) -> {
                if (!clientQueue.inLoop()) {
                    result.completeExceptionally(new AssertionError("callback off the client queue"));
                } else if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(reply);
                }
            });
        }
        assertEquals(new TestEchoAck("async", 1), results.get(0).orTimeout(5, TimeUnit.SECONDS).join());
        assertEquals(new TestEchoAck("async", 2), results.get(1).orTimeout(5, TimeUnit.SECONDS).join());
        clientEvents.assertNoMoreEvents();
    }

    @Test
    void typedFutureGetsTheReplyAndTheRawAckNeverReachesTheCallback() {
        onCall = ev -> {
            echo(ev);
            ev.send(new TestEchoAck("after the answer", 0));
        };
        TcpConnector client = client(server());
        CompletableFuture<TestEchoAck> reply = Rpc.call(client, new TestEchoAck("typed", 7), TestEchoAck.class,
                TIMEOUT);
        assertEquals(new TestEchoAck("typed", 8), reply.orTimeout(5, TimeUnit.SECONDS).join());
        // The ACK came first on the wire; the callback's first event is the plain message after it.
        assertEquals(new TestEchoAck("after the answer", 0), clientEvents.expect(TestEchoAck.class));
        clientEvents.assertNoMoreEvents();
    }

    @Test
    void callIdsArePerSession() throws Exception {
        TcpAcceptor server = server();
        TcpConnector first = client(server);
        RecordingEventCallback otherEvents = new RecordingEventCallback();
        TcpConnector second = net.start(net.tcpConnector(server.port(), otherEvents, b -> b.name("other")));
        otherEvents.expect(SessionConnected.class);
        Rpc.callSync(first, new TestEchoAck("x", 1), TIMEOUT);
        Rpc.callSync(second, new TestEchoAck("y", 1), TIMEOUT);
        Rpc.callSync(first, new TestEchoAck("x", 2), TIMEOUT);
        assertEquals(List.of(1L, 1L, 2L), calls.stream().map(RpcRecvMsgEvent::callId).toList());
        NetFixtures.stop(second);
    }

    @Test
    void handlerSeesTheInnerMessageAndPlainSendStaysPlain() throws Exception {
        onCall = ev -> {
            ev.send(new TestEchoAck("pushed", 0));
            echo(ev);
        };
        TcpConnector client = client(server());
        assertEquals(new TestEchoAck("in", 2), Rpc.callSync(client, new TestEchoAck("in", 1), TIMEOUT));
        assertEquals(new TestEchoAck("pushed", 0), clientEvents.expect(TestEchoAck.class));
        assertEquals(new TestEchoAck("in", 1), calls.get(0).message());
    }
}
