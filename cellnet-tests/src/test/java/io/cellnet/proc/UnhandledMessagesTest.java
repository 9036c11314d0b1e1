package io.cellnet.proc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.EventCallback;
import io.cellnet.SendResult;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.FakePeer;
import io.cellnet.testing.FakeSession;
import io.cellnet.testing.RecordingEventCallback;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message nobody handles is not dropped unseen: a dispatcher without a handler for its class, or
 * a peer without a callback, counts it, logs it at DEBUG, and logs the first of each class at WARN.
 */
class UnhandledMessagesTest {
    record Ping(int n) {
    }

    record Pong(int n) {
    }

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    @Test
    void aDispatcherCountsAndLogsAMessageWithoutAHandlerWarningOncePerClass() {
        MessageDispatcher dispatcher = new MessageDispatcher().on(Ping.class, (ev, ping) -> { });
        FakeSession session = new FakePeer("gate").newSession();
        try (LogCapture log = new LogCapture()) {
            dispatcher.onEvent(session.received(new Pong(1)));
            dispatcher.onEvent(session.received(new Pong(2)));
            dispatcher.onEvent(session.received(new Ping(3)));
            dispatcher.onEvent(session.received(SessionAccepted.INSTANCE));   // a session event: not a message

            assertEquals(2, dispatcher.unhandled().count());
            assertEquals(Set.of(Pong.class), dispatcher.unhandled().types());
            assertEquals(1, log.lines("WARN", "peer 'gate': no handler for " + Pong.class.getName()
                    + " in its MessageDispatcher; the message from session " + session.id() + " is dropped (logged once"
                    + " per message class, then at DEBUG, and counted: UnhandledMessages.count())").size());
            assertEquals(1, log.lines("DEBUG io.cellnet.proc.UnhandledMessages - peer 'gate': no handler for " + Pong.class.getName()).size());
        }
    }

    @Test
    void aFallbackTakesWhatTheHandlersDoNotAndNothingIsCounted() {
        List<Object> fallback = new ArrayList<>();
        MessageDispatcher dispatcher = new MessageDispatcher().otherwise(ev -> fallback.add(ev.message()));
        dispatcher.onEvent(new FakeSession().received(new Pong(1)));
        assertEquals(List.of(new Pong(1)), fallback);
        assertEquals(0, dispatcher.unhandled().count());
    }

    @Test
    void aPeerWithoutACallbackCountsWhatItReceives() {
        TcpAcceptor server = net.start(net.localAcceptor(EventCallback.NONE, b -> b));
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.start(net.localConnector(((io.cellnet.PeerProperty) server).address(), events,
                b -> b));
        events.expect(SessionConnected.class);
        try (LogCapture log = new LogCapture()) {
            assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("hello", 1)));
            UnhandledMessages unhandled = server.as(UnhandledMessages.class);
            await().atMost(NetFixtures.WAIT).until(() -> unhandled.count() == 1);
            log.awaitLine("WARN", "peer 'server': no handler for " + TestEchoAck.class.getName()
                    + " in its callback, which is EventCallback.NONE");
        }
    }
}
