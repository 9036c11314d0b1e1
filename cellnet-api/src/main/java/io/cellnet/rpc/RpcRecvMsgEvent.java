package io.cellnet.rpc;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import java.util.Objects;

/**
 * A remote call received (Go's {@code rpc.RecvMsgEvent}): {@link #message()} is the inner message
 * of the request envelope, and {@link #reply} answers with an envelope carrying the same call id.
 * {@link #send} sends a plain message, as on any event. cellnet-netty's RPC hooker makes these
 * from the requests it receives; a test can make one to hand to a handler.
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
     * Answers the call: {@code msg} encoded with its own codec in an answer envelope with this
     * call's id.
     *
     * @return what the send did; {@link SendResult#ENCODE_FAILED} when {@code msg} cannot be encoded
     */
    @Override
    public SendResult reply(Object msg) {
        Objects.requireNonNull(msg, "msg");
        return Rpc.provider().reply(session(), callId, msg);
    }

    @Override
    public String toString() {
        return "RpcRecvMsgEvent{session=" + session().id() + ", call=" + callId + ", message=" + message() + "}";
    }
}
