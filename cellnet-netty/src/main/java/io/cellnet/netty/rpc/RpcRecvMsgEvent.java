package io.cellnet.netty.rpc;

import io.cellnet.RawPacket;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import io.cellnet.netty.internal.wire.RemoteCallREQ;

/**
 * A remote call received (Go's {@code rpc.RecvMsgEvent}): {@link #message()} is the inner message
 * of the {@link RemoteCallREQ}, and {@link #reply} answers with a {@link RemoteCallACK} carrying
 * the same call id. {@link #send} sends a plain message, as on any event.
 *
 * <p>Thread safety: immutable; its methods may be called from any thread.
 */
public class RpcRecvMsgEvent extends RecvMsgEvent {
    private final long callId;

    /** The call {@code callId} with inner message {@code message}, received on {@code session}. */
    public RpcRecvMsgEvent(Session session, Object message, long callId) {
        super(session, message);
        this.callId = callId;
    }

    /** The call id the reply carries. */
    public long callId() {
        return callId;
    }

    /**
     * Answers the call: {@code msg} encoded with its own codec in a {@link RemoteCallACK} with this
     * call's id.
     *
     * @return what the send did; {@link SendResult#ENCODE_FAILED} when {@code msg} cannot be encoded
     */
    @Override
    public SendResult reply(Object msg) {
        RawPacket payload;
        try {
            payload = Payloads.encode(Payloads.registryOf(session()), msg);
        } catch (RuntimeException e) {
            Calls.log.warn("session {}: cannot answer rpc call {} with {}: {}", session().id(), callId,
                    msg.getClass().getName(), e.getMessage());
            return SendResult.ENCODE_FAILED;
        }
        return session().send(new RemoteCallACK(payload.msgId(), payload.msgData(), callId));
    }

    @Override
    public String toString() {
        return "RpcRecvMsgEvent{session=" + session().id() + ", call=" + callId + ", message=" + message() + "}";
    }
}
