package io.cellnet.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.metrics.Fixture.Note;
import io.cellnet.metrics.Fixture.Ping;
import io.cellnet.metrics.Fixture.Pong;
import io.cellnet.netty.TcpPeers;
import io.cellnet.relay.Relay;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.rpc.Rpc;
import io.cellnet.rpc.RpcRecvMsgEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RPC and relay meters, bound globally, between two real peers. */
class RpcRelayMetricsTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Fixture f = new Fixture();
    private final CompletableFuture<RecvMsgEvent> held = new CompletableFuture<>();
    private final CompletableFuture<RelayRecvMsgEvent> relayed = new CompletableFuture<>();
    private TcpConnector client;

    @BeforeEach
    void peers() {
        f.closeLater(CellnetMetrics.builder(f.registry).messageTypes(Ping.class).bind());
        TcpAcceptor s = f.start(TcpPeers.acceptor().name("server").address("127.0.0.1:0").registry(f.messages)
                .callback(ev -> {
                    if (ev instanceof RpcRecvMsgEvent && ev.message() instanceof Ping p) {
                        ev.reply(new Pong(p.Text()));
                    } else if (ev instanceof RpcRecvMsgEvent && ev.message() instanceof Note) {
                        held.complete(ev);   // answered late, by the test
                    } else if (ev instanceof RelayRecvMsgEvent r) {
                        relayed.complete(r);
                    }
                }).build());
        client = f.start(TcpPeers.connector().name("client").address("127.0.0.1:" + s.port()).registry(f.messages)
                .build());
        await().atMost(BOUND).until(() -> client.session().isOpen());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void callsLatencyTimeoutsAndLateAnswersAreCounted() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertEquals(new Pong("a" + i), Rpc.call(client, new Ping("a" + i), Pong.class, BOUND).get(10,
                    TimeUnit.SECONDS));
        }
        assertEquals(2, f.count("cellnet.rpc.calls", "message", "Ping"));
        await().atMost(BOUND).until(() -> f.timed("cellnet.rpc.latency", "message", "Ping") == 2);

        CompletableFuture<Object> slow = Rpc.call(client, new Note("slow"), Duration.ofMillis(50));
        ExecutionException e = assertThrows(ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
        assertEquals(1, f.count("cellnet.rpc.calls", "message", "other"));
        await().atMost(BOUND).until(() -> f.count("cellnet.rpc.timeouts") == 1);
        assertEquals(1, f.timed("cellnet.rpc.latency", "message", "other"));

        assertEquals(SendResult.QUEUED, held.get(10, TimeUnit.SECONDS).reply(new Pong("too late")));
        await().atMost(BOUND).until(() -> f.count("cellnet.rpc.late") == 1);
        assertEquals(1, f.count("cellnet.rpc.timeouts"));
    }

    @Test
    void relayedMessagesAreCounted() throws Exception {
        assertEquals(SendResult.QUEUED, Relay.relay(client.session(), new Ping("r"), 7L));
        assertEquals(new Ping("r"), relayed.get(10, TimeUnit.SECONDS).message());
        assertEquals(1, f.count("cellnet.relay.messages"));
    }
}
