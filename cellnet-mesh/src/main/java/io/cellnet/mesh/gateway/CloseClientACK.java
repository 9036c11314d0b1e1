package io.cellnet.mesh.gateway;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * cellmesh's {@code proto.CloseClientACK} (id 58040): a backend asks the gateway to close clients.
 *
 * <p>Thread safety: immutable as long as the array is not modified.
 *
 * @param ID  the clients to close
 * @param All close every client
 */
public record CloseClientACK(long[] ID, boolean All) {

    /** Checks the arguments. */
    public CloseClientACK {
        Objects.requireNonNull(ID, "ID");
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CloseClientACK c && c.All == All && Arrays.equals(c.ID, ID);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ID) * 31 + Boolean.hashCode(All);
    }

    @Override
    public String toString() {
        return "CloseClientACK{ID=" + Arrays.toString(ID) + ", All=" + All + "}";
    }
}
