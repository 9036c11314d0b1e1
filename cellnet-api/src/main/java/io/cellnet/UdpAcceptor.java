package io.cellnet;

import java.time.Duration;

/**
 * {@code udp.Acceptor}: one socket, one session per remote address (IP and port). The first valid
 * datagram from an address opens its session (id from 1, {@code SessionAccepted}); a session that
 * receives nothing for {@link #sessionTtl()} expires ({@code SessionClosed} with reason IO and an
 * {@link io.cellnet.IdleTimeoutException}); {@code Session.close()} removes it at once
 * ({@code SessionClosed} MANUAL), and the next datagram from that address opens a new one. Go gives
 * every UDP session id 0 and posts neither event.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface UdpAcceptor extends UdpPeer, SessionAccessor {

    /** How long a session lives without receiving a datagram. */
    Duration sessionTtl();
}
