package io.cellnet.netty.internal.udp;

import java.net.InetSocketAddress;

/**
 * Fired through {@code exceptionCaught} by the {@code udp.ltv} decoder for a datagram it refuses
 * (short, size mismatch, over the MTU, unknown or system id, codec error): the peer counts and
 * drops it, closing nothing. It carries the sender and, as its cause, why; it has no stack trace
 * of its own, so that a flood of bad datagrams costs little.
 *
 * <p>Thread safety: immutable after construction.
 */
final class RefusedDatagram extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress sender;

    RefusedDatagram(InetSocketAddress sender, RuntimeException cause) {
        super("datagram from " + sender + " refused: " + cause.getMessage(), cause, false, false);
        this.sender = sender;
    }

    /** Where the datagram came from. */
    InetSocketAddress sender() {
        return sender;
    }
}
