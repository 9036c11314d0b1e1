/**
 * cellnet contracts: peers, sessions, events, the event queue, processors and the message registry.
 *
 * <p>A Go cellnet user finds every concept under its Go name ({@link io.cellnet.Peer},
 * {@link io.cellnet.Session}, {@link io.cellnet.EventQueue}, {@link io.cellnet.ProcessorBundle},
 * {@link io.cellnet.EventHooker}, {@link io.cellnet.RecvMsgEvent}); this package has no Netty type in
 * it. Implementations live in {@code cellnet-netty}. Everything is non-null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package io.cellnet;

import org.jspecify.annotations.NullMarked;
