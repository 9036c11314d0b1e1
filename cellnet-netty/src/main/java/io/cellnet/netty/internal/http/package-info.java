/**
 * Internal: the HTTP peers ({@code http.Acceptor}, {@code http.Connector}) on Netty's HTTP codec.
 * Not part of the API; may change without notice.
 */
@NullMarked
package io.cellnet.netty.internal.http;

import org.jspecify.annotations.NullMarked;
