package io.cellnet.mesh.gateway;

import io.cellnet.netty.codec.Unsigned;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * cellmesh's {@code proto.TransmitACK} (id 9941, protoplus): a client frame, undecoded, between a
 * gateway and a backend. Towards a backend it names the sending client; towards the gateway it names
 * the target: one client ({@code ClientID}), a list ({@code ClientIDList}) or every client
 * ({@code All}), checked in the order All, list, one.
 *
 * <p>Thread safety: immutable as long as the arrays are not modified.
 *
 * @param MsgID        the client message's id
 * @param MsgData      the client message's encoded body
 * @param ClientID     one client
 * @param ClientIDList several clients
 * @param All          every client of the gateway
 */
public record TransmitACK(@Unsigned int MsgID, byte[] MsgData, long ClientID, long[] ClientIDList, boolean All) {

    /** Checks the arguments. */
    public TransmitACK {
        Objects.requireNonNull(MsgData, "MsgData");
        Objects.requireNonNull(ClientIDList, "ClientIDList");
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof TransmitACK t && t.MsgID == MsgID && t.ClientID == ClientID && t.All == All
                && Arrays.equals(t.MsgData, MsgData) && Arrays.equals(t.ClientIDList, ClientIDList);
    }

    @Override
    public int hashCode() {
        return Objects.hash(MsgID, ClientID, All, Arrays.hashCode(MsgData), Arrays.hashCode(ClientIDList));
    }

    @Override
    public String toString() {
        return "TransmitACK{MsgID=" + MsgID + ", " + MsgData.length + " bytes, ClientID=" + ClientID + ", ClientIDList="
                + Arrays.toString(ClientIDList) + ", All=" + All + "}";
    }
}
