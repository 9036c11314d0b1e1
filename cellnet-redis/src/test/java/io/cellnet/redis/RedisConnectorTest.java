package io.cellnet.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.CloseReason;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.PeerState;
import io.cellnet.Peers;
import io.cellnet.ReconnectPolicy;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.db.DbBusyException;
import io.cellnet.db.DbPeerBuilder;
import io.cellnet.dbtesting.DbResults;
import io.cellnet.dbtesting.DbResults.Outcome;
import io.cellnet.dbtesting.RedisServer;
import io.cellnet.dbtesting.ServerProcess;
import io.cellnet.testing.RecordingEventCallback;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** redix.Connector against a real redis-server on 127.0.0.1. */
class RedisConnectorTest {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final RecordingEventCallback events = new RecordingEventCallback(EVENT_WAIT);
    private EventQueue queue;
    private DbResults results;
    private ServerProcess redis;

    @BeforeEach
    void setUp() {
        queue = EventQueue.create("game").startLoop();
        results = new DbResults(queue);
        redis = RedisServer.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        queue.close();
        redis.close();
    }

    private RedisConnector connector(UnaryOperator<RedisConnectorBuilder> more) {
        RedisConnector c = more.apply(RedisPeers.connector().name("cache").address(RedisServer.uri(redis))
                .queue(queue).callback(events).reconnect(ReconnectPolicy.fixed(Duration.ofMillis(100)))).build();
        closeables.add(c);
        return c;
    }

    private RedisConnector started(UnaryOperator<RedisConnectorBuilder> more) {
        RedisConnector c = connector(more);
        c.start().join();
        events.expect(SessionConnected.class);
        return c;
    }

    @Test
    void byTypeNameCommandsAnswerOnTheQueue() throws Exception {
        assertTrue(Peers.typeNames().contains("redix.Connector"), Peers.typeNames()::toString);
        GenericPeer peer = Peers.newGenericPeer("redix.Connector", "cache", "127.0.0.1:" + redis.port(), queue,
                DbPeerBuilder.eventBundle("redis", events));
        closeables.add(peer);
        assertEquals("redix.Connector", peer.typeName());
        peer.start().join();
        assertEquals(PeerState.RUNNING, peer.state());
        events.expect(SessionConnected.class);
        RedisConnector redis = (RedisConnector) peer;
        assertTrue(redis.isReady());

        redis.operate(cmd -> cmd.set("k", "v"), results.callback("set"));
        redis.operate(cmd -> cmd.get("k"), results.callback("get"));
        redis.operate(cmd -> cmd.get("missing"), results.callback("missing"));
        assertEquals("OK", results.next().ok());
        assertEquals("v", results.next().ok());
        Outcome missing = results.next();
        assertNull(missing.ok());

        CountDownLatch attached = results.holdQueue();
        CompletableFuture<Boolean> onQueue = redis.call(cmd -> cmd.incr("n")).thenApply(n -> n == 1 && queue.inLoop());
        attached.countDown();
        assertTrue(onQueue.get(10, TimeUnit.SECONDS), "call() completes on the queue's thread");

        peer.stop().join();
        events.expectClosed(CloseReason.MANUAL);
        assertEquals(PeerState.STOPPED, peer.state());
    }

    @Test
    void resultsArriveInCompletionOrderOnTheQueue() throws Exception {
        RedisConnector c = started(b -> b);
        int n = 200;
        for (int i = 0; i < n; i++) {
            int v = i;
            // A slow command among them: BLPOP holds its connection-order place, so what follows waits.
            if (i == 50) {
                c.operate(cmd -> cmd.blpop(1, "empty-list"), results.callback("blpop"));
            }
            c.operate(cmd -> cmd.rpush("list", String.valueOf(v)), results.callback("push-" + v));
        }
        List<Outcome> outcomes = results.next(n + 1);
        List<String> tags = new ArrayList<>();
        for (Outcome o : outcomes) {
            tags.add(o.tag());
            if (!o.tag().equals("blpop")) {
                assertEquals((long) Integer.parseInt(o.tag().substring(5)) + 1, o.ok(), o.tag());
            } else {
                assertNull(o.ok(), "BLPOP of an empty list times out with nil");
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 50) {
                expected.add("blpop");
            }
            expected.add("push-" + i);
        }
        assertEquals(expected, tags);
    }

    @Test
    void aCommandErrorIsDeliveredAsTheError() throws Exception {
        RedisConnector c = started(b -> b);
        c.operate(cmd -> cmd.set("text", "abc"), results.callback("set"));
        c.operate(cmd -> cmd.incr("text"), results.callback("incr"));
        results.next().ok();
        Throwable error = results.next().failed();
        assertInstanceOf(RedisCommandExecutionException.class, error);
        assertTrue(error.getMessage().contains("not an integer"), error::getMessage);
        c.operate(cmd -> {
            throw new IllegalStateException("thrown by the user's function");
        }, results.callback("thrown"));
        assertEquals("thrown by the user's function", results.next().failed().getMessage());
    }

    @Test
    void aSlowCommandPastItsTimeoutFails() throws Exception {
        RedisConnector c = started(b -> b.commandTimeout(Duration.ofMillis(300)));
        c.operate(cmd -> cmd.blpop(2, "never-filled"), results.callback("blpop"));
        assertInstanceOf(RedisCommandTimeoutException.class, results.next().failed());
        // Redis still runs the timed-out BLPOP and holds the connection until it ends (docs/db.md);
        // then the connector answers again.
        org.awaitility.Awaitility.await().atMost(EVENT_WAIT).until(() -> c.call(cmd -> cmd.ping())
                .handle((v, e) -> "PONG".equals(v)).get());
    }

    @Test
    void tooManyWaitingCommandsAreRefusedAtOnce() throws Exception {
        RedisConnector c = started(b -> b.maxPending(2));
        c.operate(cmd -> cmd.blpop(1, "q1"), results.callback("blpop-1"));
        c.operate(cmd -> cmd.blpop(1, "q2"), results.callback("blpop-2"));
        c.operate(cmd -> cmd.ping(), results.callback("third"));
        Outcome refused = results.next();
        assertEquals("third", refused.tag());
        assertInstanceOf(DbBusyException.class, refused.failed());
        List<Outcome> rest = results.next(2);
        assertEquals(List.of("blpop-1", "blpop-2"), rest.stream().map(Outcome::tag).toList());
        rest.forEach(Outcome::ok);
        c.operate(cmd -> cmd.ping(), results.callback("room again"));
        assertEquals("PONG", results.next().ok());
    }

    @Test
    void killedAndRestartedEveryPendingCommandIsAnsweredThenItReconnects() throws Exception {
        RedisConnector c = started(b -> b.commandTimeout(Duration.ofSeconds(20)));
        long firstSession = 0;
        c.operate(cmd -> cmd.set("before", "1"), results.callback("before"));
        results.next().ok();

        c.operate(cmd -> cmd.blpop(15, "blocked"), results.callback("in-flight"));
        redis.kill();
        events.expectClosed(CloseReason.IO);
        assertFalse(c.isReady());
        // Sent while Redis is down: kept (WAIT), sent after the reconnect.
        for (int i = 0; i < 5; i++) {
            c.operate(cmd -> cmd.incr("counter"), results.callback("while-down-" + i));
        }
        redis.start();
        SessionConnected again = events.expect(SessionConnected.class);
        assertTrue(again != null);
        List<Outcome> answered = results.next(6);
        assertEquals(6, answered.size());
        long ok = answered.stream().filter(o -> o.error() == null).count();
        for (Outcome o : answered) {
            assertTrue(o.onQueue(), o::toString);
        }
        // The in-flight BLPOP is re-sent or failed; the INCRs, kept while down, all succeed.
        assertTrue(ok >= 5, answered::toString);
        c.operate(cmd -> cmd.get("counter"), results.callback("after"));
        assertEquals("5", results.next().ok());
        assertTrue(c.isReady());
        assertNotEquals(firstSession, 1);
    }

    @Test
    void failFastRefusesCommandsWhileDown() throws Exception {
        RedisConnector c = started(b -> b.whenDisconnected(DisconnectedCommands.FAIL_FAST));
        redis.kill();
        events.expectClosed(CloseReason.IO);
        c.operate(cmd -> cmd.get("k"), results.callback("down"));
        assertInstanceOf(RedisException.class, results.next().failed());
        redis.start();
        events.expect(SessionConnected.class);
        c.operate(cmd -> cmd.set("k", "back"), results.callback("up"));
        assertEquals("OK", results.next().ok());
    }

    @Test
    void theSessionIdChangesOnEveryConnection() throws Exception {
        RedisConnector c = connector(b -> b);
        c.start().join();
        long first = events.expectEvent(SessionConnected.class).session().id();
        redis.kill();
        events.expectClosed(CloseReason.IO);
        redis.start();
        long second = events.expectEvent(SessionConnected.class).session().id();
        assertEquals(first + 1, second);
    }

    @Test
    void aWrongPasswordIsAConnectErrorAndTheConnectorGivesUpPerPolicy() throws Exception {
        redis.close();
        redis = RedisServer.start("right-password");
        RedisConnector wrong = connector(b -> b.password("wrong-password").reconnect(ReconnectPolicy.none()));
        wrong.start().join();
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertFalse(error.willRetry());
        assertTrue(String.valueOf(error.cause()).contains("WRONGPASS")
                || String.valueOf(error.cause().getCause()).contains("WRONGPASS"), error.cause()::toString);
        wrong.operate(cmd -> cmd.ping(), results.callback("refused"));
        assertInstanceOf(RedisException.class, results.next().failed());
        org.awaitility.Awaitility.await().atMost(EVENT_WAIT).until(() -> wrong.state() == PeerState.STOPPED);

        RedisConnector right = started(b -> b.password("right-password"));
        right.operate(cmd -> cmd.ping(), results.callback("ping"));
        assertEquals("PONG", results.next().ok());
    }

    @Test
    void anUnknownDatabaseIsAConnectError() throws Exception {
        RedisConnector c = connector(b -> b.database(999).reconnect(ReconnectPolicy.none()));
        c.start().join();
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertFalse(error.willRetry());
        StringBuilder chain = new StringBuilder();
        for (Throwable t = error.cause(); t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertTrue(chain.toString().contains("DB index is out of range"), chain::toString);
    }

    @Test
    void theFirstConnectionIsRetriedUntilRedisIsUp() throws Exception {
        redis.kill();
        RedisConnector c = connector(b -> b);
        c.start().join();
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertEquals(0, error.attempt());
        assertTrue(error.willRetry());
        c.operate(cmd -> cmd.set("early", "1"), results.callback("early"));
        redis.start();
        events.expectSkipping(SessionConnected.class, SessionConnectError.class);
        assertEquals("OK", results.next().ok());
    }

    @Test
    void pubSubMessagesArriveAsEventsOnTheQueue() throws Exception {
        RedisConnector c = started(b -> b);
        CountDownLatch attached = results.holdQueue();
        CompletableFuture<Boolean> onQueue = c.subscribe("news").thenApply(v -> queue.inLoop());
        attached.countDown();
        assertTrue(onQueue.get(10, TimeUnit.SECONDS));
        c.psubscribe("room.*").get(10, TimeUnit.SECONDS);
        c.operate(cmd -> cmd.publish("news", "hello"), results.callback("publish"));
        c.operate(cmd -> cmd.publish("room.7", "hi room"), results.callback("publish-room"));
        assertEquals(1L, results.next().ok());
        assertEquals(1L, results.next().ok());
        assertEquals(new RedisMessage("news", null, "hello"), events.expect(RedisMessage.class));
        assertEquals(new RedisMessage("room.7", "room.*", "hi room"), events.expect(RedisMessage.class));
        c.unsubscribe("news").get(10, TimeUnit.SECONDS);
    }
}
