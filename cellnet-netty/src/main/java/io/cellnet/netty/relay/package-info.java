/**
 * cellnet-netty's implementation of Go cellnet's relay ({@code io.cellnet.relay}),
 * wire-compatible: a message plus passthrough values in one {@code relay.RelayACK}, turned into
 * events by {@link io.cellnet.netty.relay.RelayHooker}. Users call {@code io.cellnet.relay.Relay}.
 * See {@code docs/relay.md}.
 */
@NullMarked
package io.cellnet.netty.relay;

import org.jspecify.annotations.NullMarked;
