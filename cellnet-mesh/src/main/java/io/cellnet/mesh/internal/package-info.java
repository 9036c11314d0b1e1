/**
 * cellnet-mesh's internals, shared by its public packages; not exported.
 */
@NullMarked
package io.cellnet.mesh.internal;

import org.jspecify.annotations.NullMarked;
