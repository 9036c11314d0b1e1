/**
 * The {@code mesh-*} example programs (cellnet-mesh): a game service, a gateway, a load client
 * and a one-JVM demo; see {@code docs/mesh.md}.
 */
@NullMarked
package io.cellnet.examples.mesh;

import org.jspecify.annotations.NullMarked;
