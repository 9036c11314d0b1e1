/**
 * cellnet on Netty, the entry points: {@link io.cellnet.netty.TcpPeers}, {@link io.cellnet.netty.UdpPeers},
 * {@link io.cellnet.netty.WsPeers} and {@link io.cellnet.netty.LocalPeers}, and the builders they
 * return. The peers they build are the interfaces of cellnet-api ({@code TcpAcceptor},
 * {@code TcpConnector}, {@code UdpAcceptor}, ...). Sub-packages hold the codecs, RPC, relay, the
 * message log and the heartbeat hooker; {@code internal} packages are not API.
 */
@NullMarked
package io.cellnet.netty;

import org.jspecify.annotations.NullMarked;
