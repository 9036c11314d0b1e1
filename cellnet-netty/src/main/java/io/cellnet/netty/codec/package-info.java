/**
 * The codecs: {@code json} (Jackson, Go's encoding/json conventions), {@code binary} (Go's
 * goobjfmt layout) and {@code protoplus} (the RPC and relay envelopes), registered with
 * {@link io.cellnet.codec.Codecs} through {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.cellnet.netty.codec;

import org.jspecify.annotations.NullMarked;
