/**
 * Internal: the providers behind the name registries (peer types, processors, codecs). Not part of
 * the API; may change without notice.
 */
@NullMarked
package io.cellnet.netty.internal.proc;

import org.jspecify.annotations.NullMarked;
