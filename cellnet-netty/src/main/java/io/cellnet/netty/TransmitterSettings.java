package io.cellnet.netty;

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
 */
public record TransmitterSettings(MessageRegistry registry, int maxPacketSize, String peerName) {

    /** Checks the arguments. */
    public TransmitterSettings {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(peerName, "peerName");
        if (maxPacketSize < 0) {
            throw new IllegalArgumentException("maxPacketSize must be >= 0: " + maxPacketSize);
        }
    }
}
