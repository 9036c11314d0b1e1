/**
 * TCP peers on Netty: {@code tcp.Acceptor} (ServerBootstrap), {@code tcp.Connector} (Bootstrap,
 * reconnecting) and {@code tcp.SyncConnector}. Build them with {@link io.cellnet.netty.TcpPeers}.
 */
@NullMarked
package io.cellnet.netty.tcp;

import org.jspecify.annotations.NullMarked;
