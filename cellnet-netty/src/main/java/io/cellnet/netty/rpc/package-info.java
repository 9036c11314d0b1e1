/**
 * cellnet-netty's implementation of Go cellnet's RPC ({@code io.cellnet.rpc}), wire-compatible:
 * calls wrapped in {@code rpc.RemoteCallREQ} and answered with {@code rpc.RemoteCallACK} carrying
 * the same call id, matched by {@link io.cellnet.netty.rpc.RpcHooker}, plus Go's "typed" calls
 * matched by reply class ({@link io.cellnet.netty.rpc.TypeRpcHooker}). Users call
 * {@code io.cellnet.rpc.Rpc}. See {@code docs/rpc.md}.
 */
@NullMarked
package io.cellnet.netty.rpc;

import org.jspecify.annotations.NullMarked;
