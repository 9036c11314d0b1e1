/**
 * The database peers' shared core: {@code DbPeerCore} (lifecycle, sessions, events and result
 * delivery on the peer's queue), {@code DbPeer} and {@code DbSession}. Not an API: exported to
 * cellnet-redis and cellnet-sql only.
 */
@NullMarked
package io.cellnet.db.internal;

import org.jspecify.annotations.NullMarked;
