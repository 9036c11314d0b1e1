/**
 * Internal: the UDP peers, their sessions and datagram path. Not part of the API; may change without
 * notice.
 */
@NullMarked
package io.cellnet.netty.internal.udp;

import org.jspecify.annotations.NullMarked;
