package io.cellnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cellnet.ContextKey;
import io.cellnet.EventCallback;
import io.cellnet.MessageRegistry;
import io.cellnet.MessageRegistryAware;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.proc.MessageDispatcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The fake session records sends and closes, and works with Mockito spies and mocks. */
class FakeSessionTest {

    record Login(String user) {
    }

    record LoginAck(int code) {
    }

    record Kick(String why) {
    }

    /** A handler under test: answers a login, refuses an empty name and closes the session. */
    private final EventCallback loginHandler = new MessageDispatcher()
            .on(Login.class, (ev, login) -> {
                if (login.user().isEmpty()) {
                    ev.send(new Kick("no name"));
                    ev.session().close();
                } else {
                    ev.reply(new LoginAck(0));
                }
            });

    @Test
    void recordsWhatAHandlerSendsInOrder() {
        FakeSession session = new FakeSession(7);
        loginHandler.onEvent(new RecvMsgEvent(session, new Login("alice")));
        loginHandler.onEvent(session.received(new Login("bob")));
        assertEquals(List.of(new LoginAck(0), new LoginAck(0)), session.sent());
        assertEquals(new LoginAck(0), session.lastSent());
        assertEquals(List.of(new LoginAck(0), new LoginAck(0)), session.sentOf(LoginAck.class));
        assertEquals(List.of(), session.sentOf(Kick.class));
        assertTrue(session.isOpen());
        assertFalse(session.closed());
        session.clear();
        assertEquals(List.of(), session.sent());
        assertNull(session.lastSent());
    }

    @Test
    void recordsACloseAndRefusesLaterSends() {
        FakeSession session = new FakeSession();
        loginHandler.onEvent(session.received(new Login("")));
        assertEquals(List.of(new Kick("no name")), session.sent());
        assertTrue(session.closed());
        assertFalse(session.closedNow());
        assertFalse(session.isOpen());
        assertNull(session.remoteAddress());
        assertEquals(SendResult.CLOSED, session.send(new LoginAck(1)));
        assertEquals(List.of(new Kick("no name")), session.sent());
    }

    @Test
    void closeNowIsRecordedApart() {
        FakeSession session = new FakeSession();
        session.closeNow();
        assertTrue(session.closedNow());
        assertFalse(session.closed());
        assertEquals(SendResult.CLOSED, session.send("x"));
    }

    @Test
    void aConfiguredResultSimulatesRefusedSendsWhichAreNotRecorded() {
        FakeSession session = new FakeSession().sendResult(SendResult.OVERFLOW);
        assertEquals(SendResult.OVERFLOW, session.send(new LoginAck(0)));
        assertEquals(List.of(), session.sent());
        session.sendResult(SendResult.BUFFERED);
        assertEquals(SendResult.BUFFERED, session.send(new LoginAck(1)));
        assertEquals(List.of(new LoginAck(1)), session.sent());
    }

    @Test
    void idPeerContextAndAs() {
        FakePeer peer = new FakePeer("gate");
        FakeSession session = new FakeSession(42, peer);
        ContextKey<String> player = ContextKey.of("player", String.class);
        session.setContext(player, "alice");
        assertEquals(42, session.id());
        assertSame(peer, session.peer());
        assertEquals("alice", session.getContext(player));
        assertSame(session, session.as(FakeSession.class));
        assertSame(session, session.as(Session.class));
        assertNull(session.as(String.class));
        assertNotNull(session.remoteAddress());
        assertEquals("fake.Peer", new FakeSession().peer().typeName());
    }

    @Test
    void aSpyVerifiesTheCallsAndStillRecords() {
        FakeSession session = spy(new FakeSession(3));
        loginHandler.onEvent(new RecvMsgEvent(session, new Login("")));
        InOrder order = inOrder(session);
        order.verify(session).send(new Kick("no name"));
        order.verify(session).close();
        verify(session, never()).closeNow();
        assertEquals(List.of(new Kick("no name")), session.sent());
    }

    @Test
    void aMockOfTheSessionInterfaceWorksToo() {
        Session session = mock(Session.class);
        when(session.send(new LoginAck(0))).thenReturn(SendResult.QUEUED);
        loginHandler.onEvent(new RecvMsgEvent(session, new Login("carol")));
        verify(session).send(new LoginAck(0));
        verify(session, never()).close();
    }

    @Test
    void theRegistryIsTheGlobalOneUntilOneIsGiven() {
        FakeSession session = new FakeSession();
        assertSame(MessageRegistry.global(), session.registry());
        MessageRegistry own = MessageRegistry.create();
        assertSame(session, session.registry(own));
        MessageRegistryAware aware = session;
        assertSame(own, aware.registry());
    }
}
