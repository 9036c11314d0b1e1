/**
 * Go cellnet's RPC, wire-compatible: calls wrapped in {@link io.cellnet.netty.internal.wire.RemoteCallREQ}
 * and answered with {@link io.cellnet.netty.internal.wire.RemoteCallACK} carrying the same call id, plus
 * Go's "typed" calls matched by reply class. Entry point: {@link io.cellnet.netty.rpc.Rpc}. See
 * {@code docs/rpc.md}.
 */
@NullMarked
package io.cellnet.netty.rpc;

import org.jspecify.annotations.NullMarked;
