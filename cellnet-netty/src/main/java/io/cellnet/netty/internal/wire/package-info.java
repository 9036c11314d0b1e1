/**
 * Internal: the message id + body layout every transport shares, and the built-in RPC and relay
 * envelopes. Not part of the API; may change without notice.
 */
@NullMarked
package io.cellnet.netty.internal.wire;

import org.jspecify.annotations.NullMarked;
