/**
 * The HTTP peers' public types (Go's {@code peer/http}): the {@link io.cellnet.netty.http.HttpAcceptor}
 * and {@link io.cellnet.netty.http.HttpConnector} interfaces, the request seen by a handler
 * ({@link io.cellnet.netty.http.HttpRequestInfo}), the answers a handler gives
 * ({@link io.cellnet.netty.http.HttpRespond} and its records) and the connector's error for a
 * non-2xx answer. Build the peers with {@code io.cellnet.netty.HttpPeers}.
 */
@NullMarked
package io.cellnet.netty.http;

import org.jspecify.annotations.NullMarked;
