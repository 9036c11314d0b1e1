package io.cellnet.mesh.gateway;

import org.jspecify.annotations.Nullable;

/**
 * {@code proto.ClientConnectedACK} (not in cellmesh, whose backends are not told): the gateway
 * tells a backend that a client is now bound to it, before the client's first message.
 *
 * <p>Thread safety: immutable.
 *
 * @param ID the client
 */
public record ClientConnectedACK(@Nullable ClientID ID) {
}
