/**
 * The codecs: {@code json} (Jackson, Go's encoding/json conventions), {@code binary} (Go's
 * goobjfmt layout) and {@code protoplus} (the RPC and relay envelopes), registered with
 * {@link io.cellnet.codec.Codecs} through {@link java.util.ServiceLoader}. {@link
 * io.cellnet.netty.codec.Unsigned} marks fields that are unsigned integers in Go. See
 * {@code docs/codecs.md} for the type mapping and the differences from Go.
 */
@NullMarked
package io.cellnet.netty.codec;

import org.jspecify.annotations.NullMarked;
