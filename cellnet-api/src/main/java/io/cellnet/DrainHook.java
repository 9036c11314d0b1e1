package io.cellnet;

/**
 * User code told that an acceptor is draining: called once for every session that is open when
 * {@link TcpAcceptor#drain} starts, so game logic can tell its client that the server is going
 * down (send a last message, hand over to another server, close the session itself).
 *
 * <p>What the hook sends is written before the session closes, whether the client leaves, the
 * hook closes it or the drain deadline closes it. An exception it throws is logged and the drain
 * goes on with the other sessions.
 *
 * <p>Thread safety: called on the acceptor's {@link EventQueue}, one session at a time per queue;
 * with {@link EventQueue#direct()} it runs inline, on the thread that called {@code drain}.
 */
@FunctionalInterface
public interface DrainHook {

    /** A hook that does nothing: sessions are only waited for, then closed at the deadline. */
    DrainHook NONE = session -> { };

    /** Tells {@code session} that its acceptor is draining. */
    void onDrain(Session session);
}
