package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.Event;
import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.EventQueue;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TcpAcceptorBuilder;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.proc.Processors;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exceptions thrown by user callbacks and hookers are logged with the session id and the message
 * type; the session, the peer and the queue keep running.
 */
class CallbackFailureTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private static final TestEchoAck BOOM = new TestEchoAck("boom", 1);
    private static final TestEchoAck AFTER = new TestEchoAck("after", 2);

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    /** Echoes every message but {@code BOOM}, on which it throws. */
    private final EventCallback echoOrThrow = ev -> {
        serverEvents.onEvent(ev);
        if (BOOM.equals(ev.message())) {
            throw new IllegalStateException("boom from the callback");
        }
        if (ev.message() instanceof TestEchoAck) {
            ev.reply(ev.message());
        }
    };

    @Test
    void aCallbackExceptionGoesToTheQueueHandlerWithItsEventAndTheSessionEchoesOn() throws Exception {
        LinkedBlockingQueue<Object[]> handled = new LinkedBlockingQueue<>();
        EventQueue queue = EventQueue.builder("handled")
                .exceptionHandler((cause, event) -> handled.add(new Object[] {cause, event})).build().startLoop();
        try {
            Session session = sendBoomThenAfter(b -> b.queue(queue).callback(echoOrThrow));
            Object[] h = handled.poll(5, TimeUnit.SECONDS);
            assertInstanceOf(IllegalStateException.class, h[0]);
            Event event = (Event) h[1];
            assertEquals(session.id(), event.session().id());
            assertEquals(BOOM, event.message());
        } finally {
            queue.close();
        }
    }

    @ParameterizedTest(name = "queue: {0}")
    @ValueSource(strings = {"loop", "direct"})
    void theDefaultHandlerLogsSessionIdPeerAndMessageType(String kind) {
        EventQueue queue = kind.equals("direct") ? EventQueue.direct() : net.queue("server");
        try (LogCapture log = new LogCapture()) {
            Session session = sendBoomThenAfter(b -> b.queue(queue).callback(echoOrThrow));
            log.awaitLine("callback failed on session " + session.id() + " of peer 'server' handling "
                    + TestEchoAck.class.getName());
        }
    }

    @Test
    void aThrowingInboundHookerDropsTheEventLogsItAndTheSessionEchoesOn() {
        EventHooker failing = new EventHooker() {
            @Override
            public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
                if (BOOM.equals(event.message())) {
                    throw new IllegalStateException("boom from the hooker");
                }
                return event;
            }
        };
        try (LogCapture log = new LogCapture()) {
            Session session = sendBoomThenAfter(
                    b -> b.bundle(Processors.bundle("tcp.ltv", echoOrThrow).withHooker(failing)));
            log.awaitLine("hooker failed on session " + session.id() + " of peer 'server' handling "
                    + TestEchoAck.class.getName() + "; event dropped");
        }
    }

    @Test
    void aThrowingOutboundHookerFailsThatSendOnly() {
        EventHooker failing = new EventHooker() {
            @Override
            public @Nullable SendMsgEvent onOutboundEvent(SendMsgEvent event) {
                if (BOOM.equals(event.message())) {
                    throw new IllegalStateException("boom from the outbound hooker");
                }
                return event;
            }
        };
        TcpAcceptor server = net.tcpAcceptor(serverEvents, b -> b);
        server.start().join();
        TcpConnector client = net.tcpConnector(server.port(), clientEvents,
                b -> b.bundle(Processors.bundle("tcp.ltv", clientEvents).withHooker(failing)));
        client.start().join();
        clientEvents.expect(SessionConnected.class);
        try (LogCapture log = new LogCapture()) {
            assertEquals(SendResult.ENCODE_FAILED, client.session().send(BOOM));
            log.awaitLine("outbound hooker failed on session " + client.session().id() + " of peer 'client' sending "
                    + TestEchoAck.class.getName());
        }
        assertEquals(SendResult.QUEUED, client.session().send(AFTER));
        serverEvents.expect(SessionAccepted.class);
        assertEquals(AFTER, serverEvents.expect(TestEchoAck.class));
    }

    /**
     * Starts a server built by {@code server} and a client; the client sends BOOM then AFTER and
     * must get AFTER back on the same connection. Returns the server's session.
     */
    private Session sendBoomThenAfter(UnaryOperator<TcpAcceptorBuilder> server) {
        TcpAcceptor s = net.tcpAcceptor(EventCallback.NONE, server);
        s.start().join();
        TcpConnector client = net.start(net.tcpConnector(s.port(), clientEvents, b -> b));
        clientEvents.expect(SessionConnected.class);
        Session session = serverEvents.expectEvent(SessionAccepted.class).session();
        long clientSessionId = client.session().id();
        client.session().send(BOOM);
        client.session().send(AFTER);
        assertEquals(AFTER, clientEvents.expect(TestEchoAck.class));
        assertEquals(clientSessionId, client.session().id(), "same connection");
        assertTrue(session.isOpen() && s.isRunning());
        clientEvents.assertNoMoreEvents();
        return session;
    }
}
