package io.cellnet.netty.internal.udp;

import io.cellnet.UdpPeer;
import io.cellnet.netty.internal.DelegatingPeer;
import io.cellnet.netty.internal.PeerShell;

/**
 * What both UDP peers answer from their {@link UdpSocket}: the shell, the local port and the count
 * of dropped datagrams; default methods over one accessor.
 *
 * <p>Thread safety: as the socket, every method may be called from any thread.
 */
interface SocketUdpPeer extends UdpPeer, DelegatingPeer {

    /** The peer's socket. */
    UdpSocket socket();

    @Override
    default PeerShell shell() {
        return socket().shell();
    }

    @Override
    default int port() {
        return socket().port();
    }

    @Override
    default long droppedDatagrams() {
        return socket().droppedDatagrams();
    }
}
