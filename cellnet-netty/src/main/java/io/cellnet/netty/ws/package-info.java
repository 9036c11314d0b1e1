/**
 * WebSocket peers wire-compatible with Go cellnet's {@code gorillaws.Acceptor},
 * {@code gorillaws.Connector} and {@code gorillaws.ltv}: one binary message per cellnet message,
 * {@code [msgid u16 LE][body]}. They run on the TCP acceptor and connector, so lifecycle,
 * reconnect, graceful close, idle timeouts, TLS and limits are TCP's. Entry point:
 * {@link io.cellnet.netty.WsPeers}. See {@code docs/websocket.md} for the differences from Go.
 */
@NullMarked
package io.cellnet.netty.ws;

import org.jspecify.annotations.NullMarked;
