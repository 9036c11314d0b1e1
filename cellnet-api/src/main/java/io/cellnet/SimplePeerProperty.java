package io.cellnet;

import java.util.Objects;

/**
 * The {@link PeerProperty} of {@link PeerProperty#of}.
 *
 * <p>Thread safety: immutable.
 */
record SimplePeerProperty(String name, String address, EventQueue queue) implements PeerProperty {
    SimplePeerProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(queue, "queue");
    }
}
