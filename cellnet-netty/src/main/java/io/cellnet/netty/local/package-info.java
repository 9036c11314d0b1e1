/**
 * In-memory peers on Netty's {@code LocalChannel}: {@code local.Acceptor} and
 * {@code local.Connector} run the same processors, codecs and hookers as TCP without a socket, for
 * tests and for wiring services inside one process.
 */
@NullMarked
package io.cellnet.netty.local;

import org.jspecify.annotations.NullMarked;
