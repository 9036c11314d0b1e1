/**
 * The observer SPI: what cellnet reports about its peers, sessions, queues, RPC calls, relays and
 * mesh, for a metrics library to count (cellnet-metrics binds Micrometer to it). Nothing here
 * depends on any other cellnet package or library. Unbound, every observer is a no-op constant,
 * resolved once when a peer or queue is built, so observing costs nothing per message.
 *
 * <p>Bind with {@link io.cellnet.observe.Observability#install} (globally, for what is built
 * afterwards) or per peer with the builders' {@code observer(..)}.
 */
@NullMarked
package io.cellnet.observe;

import org.jspecify.annotations.NullMarked;
