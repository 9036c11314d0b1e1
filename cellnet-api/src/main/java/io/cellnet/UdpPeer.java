package io.cellnet;


/**
 * What both UDP peers offer (Go's {@code cellnet.UDPAcceptor}/{@code UDPConnector} share
 * {@code GenericPeer}): the local port and a count of refused datagrams.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface UdpPeer extends GenericPeer, PeerReadyChecker {

    /** The local port of the peer's socket while it runs, else {@code 0}. */
    int port();

    /**
     * The number of datagrams dropped as malformed (short, size mismatch, over the MTU, unknown or
     * system id, codec error) since the peer was built. Each is also logged at DEBUG, at a limited
     * rate.
     */
    long droppedDatagrams();
}
