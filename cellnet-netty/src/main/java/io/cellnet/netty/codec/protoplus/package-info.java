/**
 * The {@code protoplus} codec: Go's protoplus wire format (protobuf-compatible, field order as
 * tag). Use {@link io.cellnet.netty.codec.protoplus.ProtoplusCodec#INSTANCE} or
 * {@code Codecs.get("protoplus")}.
 */
@NullMarked
package io.cellnet.netty.codec.protoplus;

import org.jspecify.annotations.NullMarked;
