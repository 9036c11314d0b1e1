/**
 * The {@code gogopb} codec ({@link io.cellnet.protobuf.GogopbCodec}) and the registration of
 * generated protobuf messages with Go cellnet's ids ({@link io.cellnet.protobuf.ProtobufMessages}).
 */
@NullMarked
package io.cellnet.protobuf;

import org.jspecify.annotations.NullMarked;
