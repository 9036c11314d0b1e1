package io.cellnet.netty.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetAcceptorExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** In-memory peers deliver the same events in the same order as TCP, on both sides. */
class LocalTcpParityTest {
    private static final int LAST = 2;

    @RegisterExtension
    static final CellnetAcceptorExtension TCP = echoServer(CellnetAcceptorExtension.tcp());

    @RegisterExtension
    static final CellnetAcceptorExtension LOCAL = echoServer(CellnetAcceptorExtension.local());

    /** Echoes each message; after the last one, closes the session (the reply is flushed first). */
    private static CellnetAcceptorExtension echoServer(CellnetAcceptorExtension.Builder b) {
        return b.registry(NetFixtures.registry()).callback(ev -> {
            if (ev.message() instanceof TestEchoAck m) {
                ev.reply(m);
                if (m.Value() == LAST) {
                    ev.session().close();
                }
            }
        }).build();
    }

    /** The client's events, in each test. */
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    static Stream<CellnetAcceptorExtension> servers() {
        return Stream.of(TCP, LOCAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theServerClosesAfterItsLastReply(CellnetAcceptorExtension server) {
        TcpConnector client = connected(server);
        for (int i = 1; i <= LAST; i++) {
            client.session().send(new TestEchoAck("m", i));
        }
        assertEquals(List.of("TestEchoAck 1", "TestEchoAck 2", "SessionClosed IO"), describe(clientEvents, 3));
        assertEquals(List.of("SessionAccepted", "TestEchoAck 1", "TestEchoAck 2", "SessionClosed MANUAL"),
                describe(server.events(), 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theClientStops(CellnetAcceptorExtension server) {
        TcpConnector client = connected(server);
        client.session().send(new TestEchoAck("m", 1));
        clientEvents.expect(TestEchoAck.class);
        NetFixtures.stop(client);
        assertEquals(List.of("SessionClosed MANUAL"), describe(clientEvents, 1));
        assertEquals(List.of("SessionAccepted", "TestEchoAck 1", "SessionClosed IO"), describe(server.events(), 3));
    }

    /** A connector to {@code server} that records in {@link #clientEvents}, once connected. */
    private TcpConnector connected(CellnetAcceptorExtension server) {
        TcpConnector client = server.connector(clientEvents);
        clientEvents.expect(SessionConnected.class);
        return client;
    }

    /** The next {@code n} events as short strings; then there must be no more. */
    private static List<String> describe(RecordingEventCallback events, int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecvMsgEvent ev = events.poll();
            Object m = ev.message();
            String name = m.getClass().getSimpleName();
            if (m instanceof TestEchoAck e) {
                name += " " + e.Value();
            } else if (m instanceof SessionClosed c) {
                name += " " + c.reason();
            }
            list.add(name);
        }
        events.assertNoMoreEvents();
        return list;
    }
}
