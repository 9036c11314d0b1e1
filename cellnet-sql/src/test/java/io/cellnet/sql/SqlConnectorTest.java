package io.cellnet.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.cellnet.dbtesting.MariaDbServer;
import io.cellnet.dbtesting.ServerProcess;
import io.cellnet.testing.RecordingEventCallback;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** mysql.Connector against a real MariaDB server on 127.0.0.1. */
class SqlConnectorTest {
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static ServerProcess db;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final RecordingEventCallback events = new RecordingEventCallback(EVENT_WAIT);
    private EventQueue queue;
    private DbResults results;

    /**
     * A row of the test table.
     *
     * @param id         the key
     * @param playerName the name
     * @param score      the score
     */
    record Score(long id, String playerName, int score) {
    }

    @BeforeAll
    static void startServer() {
        db = MariaDbServer.start();
    }

    @AfterAll
    static void stopServer() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        queue = EventQueue.create("game").startLoop();
        results = new DbResults(queue);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        queue.close();
    }

    private SqlConnector connector(UnaryOperator<SqlConnectorBuilder> more) {
        SqlConnector c = more.apply(SqlPeers.connector().name("db").address(MariaDbServer.jdbcUrl(db))
                .user(MariaDbServer.USER).password(MariaDbServer.PASSWORD).queue(queue).callback(events)
                .reconnect(ReconnectPolicy.fixed(Duration.ofMillis(200)))).build();
        closeables.add(c);
        return c;
    }

    private SqlConnector started(UnaryOperator<SqlConnectorBuilder> more) {
        SqlConnector c = connector(more);
        c.start().join();
        events.expect(SessionConnected.class);
        return c;
    }

    @Test
    void byTypeNameTheHelpersAnswerOnTheQueue() throws Exception {
        assertTrue(Peers.typeNames().contains("mysql.Connector"), Peers.typeNames()::toString);
        GenericPeer peer = Peers.newGenericPeer("mysql.Connector", "db", MariaDbServer.jdbcUrlWithCredentials(db), queue,
                DbPeerBuilder.eventBundle("sql", events));
        closeables.add(peer);
        assertEquals("mysql.Connector", peer.typeName());
        peer.start().join();
        events.expect(SessionConnected.class);
        SqlConnector sql = (SqlConnector) peer;
        assertTrue(sql.isReady());

        sql.execute("CREATE TABLE IF NOT EXISTS helpers (id BIGINT PRIMARY KEY, player_name VARCHAR(64), score INT)",
                results.callback("create"));
        results.next().ok();
        sql.execute("INSERT INTO helpers VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)", results.callback("insert"),
                1, "ann", 30, 2, "bob'); DROP TABLE helpers; --", 20, 3, "cid", 10);
        assertEquals(3L, results.next().ok());
        sql.query("SELECT * FROM helpers WHERE score >= ? ORDER BY id", RowMapper.toRecord(Score.class),
                results.callback("query"), 20);
        assertEquals(List.of(new Score(1, "ann", 30), new Score(2, "bob'); DROP TABLE helpers; --", 20)),
                results.next().ok());
        sql.one("SELECT player_name, score FROM helpers WHERE id = ?", RowMapper.toMap(), results.callback("one"), 3);
        assertEquals(Map.of("player_name", "cid", "score", 10), results.next().ok());
        sql.one("SELECT * FROM helpers WHERE id = ?", RowMapper.toMap(), results.callback("none"), 99);
        assertNull(results.next().ok());

        List<String> visited = new ArrayList<>();
        sql.each("SELECT player_name FROM helpers ORDER BY id", row -> row.getString(1), name -> {
            visited.add(name + (queue.inLoop() ? "" : " (off the queue)"));
            return !name.equals("bob'); DROP TABLE helpers; --");
        }, results.callback("each"));
        assertEquals(2, results.next().ok());
        assertEquals(List.of("ann", "bob'); DROP TABLE helpers; --"), visited);

        CountDownLatch attached = results.holdQueue();
        CompletableFuture<Boolean> onQueue = sql.call(c -> c.getMetaData().getDatabaseProductName())
                .thenApply(name -> queue.inLoop());
        attached.countDown();
        assertTrue(onQueue.get(10, TimeUnit.SECONDS), "call() completes on the queue's thread");
        peer.stop().join();
        events.expectClosed(CloseReason.MANUAL);
        assertEquals(PeerState.STOPPED, peer.state());
    }

    @Test
    void resultsArriveOnTheQueueInCompletionOrder() throws Exception {
        SqlConnector c = started(b -> b.poolSize(3));
        c.one("SELECT SLEEP(2), 'slow'", row -> row.getString(2), results.callback("slow"));
        c.one("SELECT SLEEP(1), 'medium'", row -> row.getString(2), results.callback("medium"));
        c.one("SELECT 'fast'", row -> row.getString(1), results.callback("fast"));
        List<Outcome> outcomes = results.next(3);
        assertEquals(List.of("fast", "medium", "slow"), outcomes.stream().map(Outcome::tag).toList());
        for (Outcome o : outcomes) {
            assertEquals(o.tag(), o.ok());
        }
    }

    @Test
    void aQueryErrorIsDeliveredAndTheConnectorGoesOn() throws Exception {
        SqlConnector c = started(b -> b);
        c.query("SELEKT nonsense", RowMapper.toMap(), results.callback("bad"));
        assertInstanceOf(SQLSyntaxErrorException.class, results.next().failed());
        c.query("SELECT * FROM no_such_table", RowMapper.toMap(), results.callback("missing table"));
        assertTrue(results.next().failed().getMessage().contains("no_such_table"));
        c.one("SELECT 1 + ?", row -> row.getInt(1), results.callback("good"), 1);
        assertEquals(2, results.next().ok());
        assertTrue(c.isReady(), "a query error is not a connection failure");
    }

    @Test
    void aSlowQueryPastItsTimeoutFails() throws Exception {
        SqlConnector c = started(b -> b.queryTimeout(Duration.ofSeconds(1)));
        c.one("SELECT SLEEP(20) FROM DUAL WHERE 1 = ?", row -> row.getInt(1), results.callback("slow"), 1);
        Throwable error = results.next().failed();
        assertInstanceOf(SQLException.class, error);
        assertTrue(String.valueOf(error.getMessage()).toLowerCase().contains("timeout")
                || String.valueOf(error.getMessage()).toLowerCase().contains("interrupted"), error::toString);
    }

    @Test
    void whenEveryWorkerIsBusyAndTheQueueFullACallIsRefusedAtOnce() throws Exception {
        SqlConnector c = started(b -> b.poolSize(1).queueCapacity(1));
        CountDownLatch running = new CountDownLatch(1);
        c.operate(conn -> {
            running.countDown();
            try (var st = conn.createStatement(); var rs = st.executeQuery("SELECT SLEEP(1), 'running'")) {
                rs.next();
                return rs.getString(2);
            }
        }, results.callback("running"));
        assertTrue(running.await(EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS), "the only worker is busy");
        c.one("SELECT 'queued'", row -> row.getString(1), results.callback("queued"));
        c.one("SELECT 'refused'", row -> row.getString(1), results.callback("refused"));
        Outcome first = results.next();
        assertEquals("refused", first.tag());
        assertInstanceOf(DbBusyException.class, first.failed());
        assertEquals("running", results.next().ok());
        assertEquals("queued", results.next().ok());
    }

    @Test
    void aWrongPasswordIsAConnectErrorAndTheConnectorGivesUpPerPolicy() throws Exception {
        SqlConnector c = connector(b -> b.password("wrong").reconnect(ReconnectPolicy.none())
                .connectTimeout(Duration.ofSeconds(2)));
        c.start().join();
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertFalse(error.willRetry());
        assertTrue(chain(error.cause()).contains("Access denied"), () -> chain(error.cause()));
        org.awaitility.Awaitility.await().atMost(EVENT_WAIT).until(() -> c.state() == PeerState.STOPPED);
        c.one("SELECT 1", row -> row.getInt(1), results.callback("stopped"));
        assertInstanceOf(IllegalStateException.class, results.next().failed());
    }

    @Test
    void anUnknownDatabaseIsAConnectError() throws Exception {
        SqlConnector c = connector(b -> b.address("jdbc:mariadb://127.0.0.1:" + db.port() + "/no_such_db")
                .reconnect(ReconnectPolicy.none()).connectTimeout(Duration.ofSeconds(2)));
        c.start().join();
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertTrue(chain(error.cause()).contains("Unknown database"), () -> chain(error.cause()));
    }

    @Test
    void killedAndRestartedEveryPendingCallIsAnsweredThenItWorksAgain() throws Exception {
        SqlConnector c = started(b -> b.poolSize(2).connectTimeout(Duration.ofSeconds(2)));
        c.one("SELECT SLEEP(30)", row -> row.getInt(1), results.callback("in-flight-1"));
        c.one("SELECT SLEEP(30)", row -> row.getInt(1), results.callback("in-flight-2"));
        c.one("SELECT 'queued'", row -> row.getString(1), results.callback("queued"));
        // In their SLEEP or still waiting for a worker or a connection: either way each must fail.
        db.kill();
        List<Outcome> answered = results.next(3);
        for (Outcome o : answered) {
            assertTrue(o.onQueue(), o::toString);
            assertTrue(o.error() != null, o + " should fail: the server was killed");
        }
        events.expectClosed(CloseReason.IO);
        assertFalse(c.isReady());
        c.one("SELECT 'while down'", row -> row.getString(1), results.callback("while down"));
        results.next().failed();

        db.start();
        org.awaitility.Awaitility.await().atMost(EVENT_WAIT).until(() -> c.call(conn -> conn.isValid(2))
                .handle((v, e) -> Boolean.TRUE.equals(v)).get());
        events.expect(SessionConnected.class);
        c.one("SELECT 'back'", row -> row.getString(1), results.callback("back"));
        assertEquals("back", results.next().ok());
        assertTrue(c.isReady());
    }

    private static String chain(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }
}
