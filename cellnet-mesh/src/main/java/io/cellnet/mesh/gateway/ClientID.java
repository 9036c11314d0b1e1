package io.cellnet.mesh.gateway;

import java.util.Objects;

/**
 * cellmesh's {@code proto.ClientID}: a client of a gateway, as backends see it.
 *
 * <p>Thread safety: immutable.
 *
 * @param ID    the client's id at its gateway
 * @param SvcID the gateway's service id
 */
public record ClientID(long ID, String SvcID) {

    /** Checks the arguments. */
    public ClientID {
        Objects.requireNonNull(SvcID, "SvcID");
    }
}
