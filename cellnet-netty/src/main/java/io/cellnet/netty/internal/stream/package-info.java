/**
 * Internal: the stream peers (TCP, in-memory, WebSocket over TCP). Not part of the API; may change
 * without notice.
 */
@NullMarked
package io.cellnet.netty.internal.stream;

import org.jspecify.annotations.NullMarked;
