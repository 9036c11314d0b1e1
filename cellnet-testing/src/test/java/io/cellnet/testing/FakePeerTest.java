package io.cellnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.EventQueue;
import io.cellnet.PeerState;
import io.cellnet.ProcessorBundle;
import io.cellnet.Session;
import io.cellnet.SessionAccessor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake peer records its lifecycle and serves its fake sessions through {@link SessionAccessor}. */
class FakePeerTest {

    /** Code under test: sends {@code notice} to every open session of a peer. */
    static void broadcast(SessionAccessor peer, Object notice) {
        peer.visitSessions(s -> {
            s.send(notice);
            return true;
        });
    }

    @Test
    void sessionsAreFoundVisitedCountedAndClosed() {
        FakePeer peer = new FakePeer("gate");
        FakeSession alice = peer.newSession();
        FakeSession bob = peer.newSession();
        assertEquals(List.of(1L, 2L), List.of(alice.id(), bob.id()));
        assertSame(alice, peer.session(1));
        assertSame(peer, bob.peer());
        broadcast(peer, "hi");
        assertEquals(List.of("hi"), alice.sent());
        assertEquals(List.of("hi"), bob.sent());
        alice.close();
        assertNull(peer.session(1), "a closed session is still found");
        assertEquals(1, peer.sessionCount());
        broadcast(peer, "again");
        assertEquals(List.of("hi"), alice.sent());
        assertEquals(List.of("hi", "again"), bob.sent());
        peer.closeAllSessions();
        assertEquals(0, peer.sessionCount());
    }

    @Test
    void visitingStopsWhenTheVisitorSaysSo() {
        FakePeer peer = new FakePeer();
        peer.newSession();
        peer.newSession();
        List<Long> seen = new ArrayList<>();
        peer.visitSessions(s -> {
            seen.add(s.id());
            return false;
        });
        assertEquals(List.of(1L), seen);
    }

    @Test
    void startAndStopAreCountedAndSwitchTheState() {
        FakePeer peer = new FakePeer();
        assertEquals(PeerState.STOPPED, peer.state());
        peer.start().join();
        assertEquals(PeerState.RUNNING, peer.state());
        peer.close();
        assertEquals(PeerState.STOPPED, peer.state());
        assertEquals(1, peer.startCount());
        assertEquals(1, peer.stopCount());
    }

    @Test
    void theBundleIsGivenWhenBuilt() {
        ProcessorBundle bundle = new ProcessorBundle(() -> "test", EventHooker.identity(), EventCallback.NONE);
        FakePeer peer = new FakePeer("p", "127.0.0.1:0", EventQueue.direct(), bundle);
        assertSame(bundle, peer.processorBundle());
        assertEquals("fake", new FakePeer().processorBundle().transmitter().name());
        assertEquals("p", peer.name());
        assertEquals("127.0.0.1:0", peer.address());
        assertSame(EventQueue.direct(), peer.queue());
    }

    @Test
    void aSpyVerifiesLifecycleCalls() {
        FakePeer peer = spy(new FakePeer());
        Session s = peer.newSession();
        peer.start();
        peer.close();
        verify(peer, times(1)).start();
        verify(peer, times(1)).stop();
        assertEquals(1, s.id());
    }

    @Test
    void resetForgetsSessionsCountsAndIds() {
        FakePeer peer = new FakePeer("gate");
        FakeSession first = peer.newSession();
        peer.start();
        peer.stop();
        peer.reset();
        assertEquals(0, peer.startCount());
        assertEquals(0, peer.stopCount());
        assertEquals(0, peer.sessionCount());
        assertNull(peer.session(first.id()));
        assertEquals(1, peer.newSession().id(), "ids start at 1 again");
    }
}
