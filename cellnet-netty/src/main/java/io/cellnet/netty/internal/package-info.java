/**
 * The machinery shared by cellnet-netty's peers: sessions, the inbound handler, the outbound
 * path, lifecycles and event loop groups. Not public API: it may change without notice.
 */
@NullMarked
package io.cellnet.netty.internal;

import org.jspecify.annotations.NullMarked;
