package io.cellnet.netty.internal;

import java.util.Objects;

/**
 * The shared event loop groups of one channel family: acceptors' listening channels, acceptors'
 * accepted channels, connectors' channels.
 *
 * <p>Thread safety: immutable; the groups are thread-safe.
 *
 * @param boss    the acceptors' listening channels
 * @param workers the acceptors' accepted channels
 * @param clients the connectors' channels
 */
public record StreamGroups(SharedGroup boss, SharedGroup workers, SharedGroup clients) {

    /** Checks the arguments. */
    public StreamGroups {
        Objects.requireNonNull(boss, "boss");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(clients, "clients");
    }
}
