package io.cellnet.netty.internal.udp;

import io.cellnet.Address;
import io.cellnet.netty.UdpPeerBuilder;
import io.cellnet.netty.internal.PeerSettings;
import io.cellnet.timer.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a UDP peer, as built by a {@link UdpPeerBuilder}.
 *
 * <p>Thread safety: immutable.
 *
 * @param peer      the settings every peer has
 * @param scheduler the clock for session expiry, or {@code null} for the event loop's
 */
public record UdpPeerConfig(PeerSettings peer, @Nullable Scheduler scheduler) {

    /** The parsed address. */
    public Address address() {
        return peer.address();
    }
}
