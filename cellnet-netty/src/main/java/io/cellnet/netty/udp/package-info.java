/**
 * UDP peers wire-compatible with Go cellnet's {@code udp.Acceptor}, {@code udp.Connector} and
 * {@code udp.ltv}: one message per datagram, {@code [size u16 LE][msgid u16 LE][body]} where size
 * counts the whole datagram. Entry point: {@link io.cellnet.netty.UdpPeers}. See
 * {@code docs/udp.md} for the differences from Go.
 */
@NullMarked
package io.cellnet.netty.udp;

import org.jspecify.annotations.NullMarked;
