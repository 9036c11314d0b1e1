package io.cellnet.netty.internal.udp;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code udp.ltv} decoder fires for one datagram: the decoded message, or why it was
 * refused, with the sender.
 *
 * <p>Thread safety: immutable.
 *
 * @param sender  where the datagram came from
 * @param message the decoded message, or {@code null} when refused
 * @param refused why the datagram was refused, or {@code null}
 */
record UdpInbound(InetSocketAddress sender, @Nullable Object message, @Nullable RuntimeException refused) {
}
