package io.cellnet;


/**
 * {@code udp.Connector}: a connected datagram socket to one address. {@code start()} posts
 * {@code SessionConnected} at once (UDP has no handshake) and reads datagrams from that address
 * until {@code stop()}, which posts {@code SessionClosed} MANUAL. Closing the session stops the
 * connector. Each start gives the session a new id.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface UdpConnector extends UdpPeer {

    /** The connector's session, one object for the connector's life. */
    Session session();
}
