/**
 * Go cellnet's RPC as an API: {@link io.cellnet.rpc.Rpc} makes calls (Go's {@code rpc.Call},
 * {@code rpc.CallSync}, {@code rpc.CallType}, {@code rpc.CallSyncType}) and a handler answers the
 * {@link io.cellnet.rpc.RpcRecvMsgEvent} it receives with {@code reply}. Logic written against
 * cellnet-api alone can call and answer; the implementation (the wire envelopes, the pending
 * calls, the hookers) is cellnet-netty's, found through {@link io.cellnet.rpc.RpcProvider}. See
 * {@code docs/rpc.md}.
 */
@NullMarked
package io.cellnet.rpc;

import org.jspecify.annotations.NullMarked;
