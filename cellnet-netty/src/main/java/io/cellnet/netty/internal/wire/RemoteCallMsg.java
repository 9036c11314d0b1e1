package io.cellnet.netty.internal.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the two RPC envelopes share (Go's {@code rpc.RemoteCallMsg}): the inner message's id, its
 * body encoded with the inner message's own codec, and the call id.
 *
 * <p>Thread safety: implementations are immutable as long as {@link #data()} is not modified.
 */
public sealed interface RemoteCallMsg permits RemoteCallREQ, RemoteCallACK {

    /** The inner message's id (Go's {@code uint32}, read back as 16 bits). */
    int msgId();

    /** The inner message encoded with its registered codec; not copied, do not modify. */
    byte[] data();

    /** The call id the answer must carry. */
    long callId();

    /** {@code true} when {@code a} and {@code b} carry the same fields (the data compared by content). */
    static boolean sameFields(RemoteCallMsg a, RemoteCallMsg b) {
        return a.msgId() == b.msgId() && a.callId() == b.callId() && Arrays.equals(a.data(), b.data());
    }

    /** A hash of the fields, consistent with {@link #sameFields}. */
    static int hash(RemoteCallMsg m) {
        return Objects.hash(m.msgId(), m.callId(), Arrays.hashCode(m.data()));
    }

    /** {@code Name{MsgID=.., Data=n bytes, CallID=..}}, with Go's field names. */
    static String describe(RemoteCallMsg m) {
        return m.getClass().getSimpleName() + "{MsgID=" + m.msgId() + ", Data=" + m.data().length + " bytes, CallID="
                + m.callId() + "}";
    }
}
