/**
 * Internal: what the codecs share (message shapes, Go's float text, a bounded wire reader). Not
 * part of the API; may change without notice.
 */
@NullMarked
package io.cellnet.netty.internal.codec;

import org.jspecify.annotations.NullMarked;
