/**
 * Internal: the {@code tcp.ltv} frame (Go's {@code util/packet.go}) decoder and transmitter. Not part
 * of the API; may change without notice.
 */
@NullMarked
package io.cellnet.netty.internal.ltv;

import org.jspecify.annotations.NullMarked;
