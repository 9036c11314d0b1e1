package io.cellnet.mesh;

/**
 * A live registration of this process's service instance. It stays registered until
 * {@link #close()} (a graceful stop: watchers see the removal at once) or until the process dies
 * (watchers see the removal when its presence expires).
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface Registration extends AutoCloseable {

    /** The instance as last published. */
    ServiceInstance instance();

    /** Publishes a new load (watchers get an {@code UPDATED} event when it differs). */
    void updateLoad(ServiceLoad load);

    /** Deregisters the instance. */
    @Override
    void close();
}
