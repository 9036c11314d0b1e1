package io.cellnet.netty.internal.wire;

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
}
