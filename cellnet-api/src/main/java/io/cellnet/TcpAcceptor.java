package io.cellnet;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A TCP listener (Go's {@code cellnet.TCPAcceptor}): binds {@code host:port}, the first free port of
 * {@code host:min~max}, or port 0, and owns one session per accepted connection.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface TcpAcceptor extends GenericPeer, SessionAccessor, TcpSocketOptions, PeerReadyChecker {

    /** The bound port while running, else {@code 0}. */
    int port();

    /**
     * Takes this acceptor out of rotation without dropping anyone: stops accepting (the listening
     * socket is closed, so new connects are refused and {@link #isReady()} turns {@code false}),
     * calls {@code hook} on the peer's queue for every open session, waits until those sessions
     * leave or {@code deadline} passes, then closes the rest gracefully: everything sent before,
     * including what the hook sent, is written first (bounded by the close timeout). The peer stays
     * {@link PeerState#RUNNING} with no listener and no session until it is stopped; a later
     * {@link #start()} after a stop listens again.
     *
     * <p>Idempotent: while a drain runs or after it finished, another call returns the first call's
     * stage and ignores its arguments. On an acceptor that is not running it completes at once
     * with {@link DrainResult#EMPTY}. Stopping the acceptor during a drain closes the remaining
     * sessions, which then count as {@link DrainResult#left()}.
     *
     * <p>May be called from any thread, including the peer's queue and I/O threads: it never
     * blocks. The returned stage completes on one of the peer's threads (I/O or queue) or a timer
     * thread: do not block in what is chained to it, and do not wait for it on the peer's queue,
     * where the hooks run.
     *
     * @param deadline how long the sessions get to leave by themselves; {@code Duration.ZERO}
     *                 closes them right after the hook calls
     * @param hook     called once per open session; {@link DrainHook#NONE} to only wait
     * @return completes with the counts once every session that was open has closed
     * @throws IllegalArgumentException if {@code deadline} is negative
     */
    CompletionStage<DrainResult> drain(Duration deadline, DrainHook hook);

    /** {@code true} from the first {@link #drain} call until the acceptor stops. */
    boolean isDraining();
}
