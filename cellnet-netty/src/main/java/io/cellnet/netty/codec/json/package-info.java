/**
 * The {@code json} codec: Go's {@code encoding/json} bytes on Jackson, with a fast path for flat
 * messages. Use {@link io.cellnet.netty.codec.json.JsonCodec#INSTANCE} or {@code Codecs.get("json")}.
 * Needs {@code com.fasterxml.jackson.core:jackson-databind}, an optional dependency of cellnet-netty
 * that only the users of this codec add.
 */
@NullMarked
package io.cellnet.netty.codec.json;

import org.jspecify.annotations.NullMarked;
