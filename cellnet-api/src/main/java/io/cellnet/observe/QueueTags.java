package io.cellnet.observe;

import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * What an observed queue tells its observer: its name, and how to read its pending tasks.
 *
 * <p>Thread safety: immutable; {@code pending} may be read from any thread.
 *
 * @param name    the queue's name
 * @param pending reads the number of tasks posted and not yet run
 */
public record QueueTags(String name, IntSupplier pending) {
    /** Checks the arguments. */
    public QueueTags {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pending, "pending");
    }
}
