package io.cellnet.mesh.gateway;

import org.jspecify.annotations.Nullable;

/**
 * cellmesh's {@code proto.ClientClosedACK} (id 50844): the gateway tells a backend that a client
 * bound to it disconnected.
 *
 * <p>Thread safety: immutable.
 *
 * @param ID the client
 */
public record ClientClosedACK(@Nullable ClientID ID) {
}
