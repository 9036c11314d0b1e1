package io.cellnet.mesh;

/**
 * The load an instance publishes: its open sessions, the depth of its event queue, and a value of
 * the application's own (players in rooms, CPU percent...). {@link SelectionPolicy#leastLoaded()}
 * compares {@link #score()}.
 *
 * <p>Thread safety: immutable.
 *
 * @param sessions   open sessions
 * @param queueDepth events waiting in the instance's queue
 * @param user       the application's own load figure
 */
public record ServiceLoad(int sessions, int queueDepth, long user) {
    /** No load. */
    public static final ServiceLoad ZERO = new ServiceLoad(0, 0, 0);

    /** {@code sessions + queueDepth + user}: lower is less loaded. */
    public long score() {
        return (long) sessions + queueDepth + user;
    }
}
