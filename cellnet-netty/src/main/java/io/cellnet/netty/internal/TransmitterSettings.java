package io.cellnet.netty.internal;

import io.cellnet.Address;
import io.cellnet.MessageRegistry;
import java.util.Objects;

/**
 * What a {@link ChannelTransmitter} needs to know about its peer when it sets up a channel.
 *
 * <p>Thread safety: immutable.
 *
 * @param registry      the message registry of the peer
 * @param maxPacketSize Go's maxPacketSize ({@code 0} = the transport's own limit only)
 * @param peerName      the peer's name, for logs
 * @param address       the peer's address (a WebSocket transmitter reads its path)
 * @param client        {@code true} on a connector's channels, {@code false} on an acceptor's
 */
public record TransmitterSettings(MessageRegistry registry, int maxPacketSize, String peerName, Address address,
        boolean client) {

    /** Checks the arguments. */
    public TransmitterSettings {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(peerName, "peerName");
        Objects.requireNonNull(address, "address");
        if (maxPacketSize < 0) {
            throw new IllegalArgumentException("maxPacketSize must be >= 0: " + maxPacketSize);
        }
    }
}
