/**
 * Internal: the WebSocket transport (upgrade, frames, origin check). Not part of the API; may change
 * without notice.
 */
@NullMarked
package io.cellnet.netty.internal.ws;

import org.jspecify.annotations.NullMarked;
