/** Internal: the codec provider of cellnet-protobuf. Not part of the API; may change without notice. */
@NullMarked
package io.cellnet.protobuf.internal;

import org.jspecify.annotations.NullMarked;
