package io.cellnet.observe;

import java.util.Objects;

/**
 * The global {@link Observer}: {@link Observer#NONE} until one is {@linkplain #install installed}.
 * Peers and queues ask it once, when they are built (a peer given its own observer does not), so
 * install it before building them.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public final class Observability {
    private static volatile Observer current = Observer.NONE;

    private Observability() {
    }

    /** The installed observer, or {@link Observer#NONE}. */
    public static Observer current() {
        return current;
    }

    /**
     * Installs {@code observer} for what is built from now on; closing the result restores the
     * observer installed before, unless another was installed since.
     */
    public static AutoCloseable install(Observer observer) {
        Objects.requireNonNull(observer, "observer");
        Observer previous;
        synchronized (Observability.class) {
            previous = current;
            current = observer;
        }
        return () -> {
            synchronized (Observability.class) {
                if (current == observer) {
                    current = previous;
                }
            }
        };
    }
}
