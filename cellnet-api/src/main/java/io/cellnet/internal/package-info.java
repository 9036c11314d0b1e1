/**
 * Implementation classes of cellnet-api. Not part of the public API: they may change without
 * notice. cellnet-netty uses some of them.
 */
@NullMarked
package io.cellnet.internal;

import org.jspecify.annotations.NullMarked;
