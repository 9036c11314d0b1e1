/**
 * The {@code binary} codec: Go's goobjfmt layout. Use
 * {@link io.cellnet.netty.codec.binary.BinaryCodec#INSTANCE} or {@code Codecs.get("binary")}.
 */
@NullMarked
package io.cellnet.netty.codec.binary;

import org.jspecify.annotations.NullMarked;
