package io.cellnet.netty.internal.udp;

import java.net.InetSocketAddress;

/**
 * What the {@code udp.ltv} decoder fires for one valid datagram: the decoded message with its
 * sender. A refused datagram is reported as a {@link RefusedDatagram} through
 * {@code exceptionCaught} instead.
 *
 * <p>Thread safety: immutable.
 *
 * @param sender  where the datagram came from
 * @param message the decoded message
 */
record UdpInbound(InetSocketAddress sender, Object message) {
}
