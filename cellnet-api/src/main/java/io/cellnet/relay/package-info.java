/**
 * Go cellnet's relay as an API: {@link io.cellnet.relay.Relay} sends one message plus passthrough
 * values (an int64, an int64 slice, a string, raw bytes) in one envelope, for gateways that forward
 * traffic between clients and backends; a handler receives a
 * {@link io.cellnet.relay.RelayRecvMsgEvent}. The implementation (Go's {@code relay.RelayACK} on
 * the wire, the relay hooker) is cellnet-netty's, found through
 * {@link io.cellnet.relay.RelayProvider}. See {@code docs/relay.md}.
 */
@NullMarked
package io.cellnet.relay;

import org.jspecify.annotations.NullMarked;
