/**
 * Go cellnet's relay, wire-compatible: a message plus passthrough values (an int64, an int64
 * slice, a string, raw bytes) in one {@link io.cellnet.netty.internal.wire.RelayACK}, for gateways that
 * forward traffic between clients and backends. Entry point: {@link io.cellnet.netty.relay.Relay}.
 * See {@code docs/relay.md}.
 */
@NullMarked
package io.cellnet.netty.relay;

import org.jspecify.annotations.NullMarked;
