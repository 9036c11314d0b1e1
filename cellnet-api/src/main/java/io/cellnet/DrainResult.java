package io.cellnet;

/**
 * What a {@link TcpAcceptor#drain} did: of the sessions open when it started, how many left
 * before the deadline (the client closed, the hook or the game logic closed them, or the
 * connection failed) and how many the acceptor closed at the deadline. Both counts add up to
 * {@link #sessions()}.
 *
 * <p>Thread safety: immutable.
 *
 * @param left   sessions that closed before the deadline
 * @param closed sessions the acceptor closed (gracefully, writing what was sent) at the deadline
 */
public record DrainResult(int left, int closed) {

    /** The result of a drain that found no session (a stopped acceptor, an idle one). */
    public static final DrainResult EMPTY = new DrainResult(0, 0);

    /** Checks the counts. */
    public DrainResult {
        if (left < 0 || closed < 0) {
            throw new IllegalArgumentException("counts must be >= 0: left=" + left + ", closed=" + closed);
        }
    }

    /** The sessions that were open when the drain started. */
    public int sessions() {
        return left + closed;
    }
}
