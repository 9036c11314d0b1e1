package io.cellnet.netty.rpc;

import io.cellnet.EventHooker;
import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.SessionClosed;
import io.cellnet.internal.RateLimitedLog;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import io.cellnet.observe.Observability;
import io.cellnet.rpc.RpcException;
import io.cellnet.rpc.RpcRecvMsgEvent;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The RPC part of {@code tcp.ltv}'s hooker (Go's {@code rpc.ResolveInboundEvent}), on the I/O
 * thread:
 * <ul>
 *   <li>a {@link RemoteCallREQ} becomes an {@link RpcRecvMsgEvent} carrying the decoded inner
 *       message and the call id;</li>
 *   <li>a {@link RemoteCallACK} completes the session's call with that id and is swallowed; an
 *       answer nobody waits for (late or unknown) is dropped with a DEBUG line on
 *       {@code cellnet.rpc};</li>
 *   <li>{@link SessionClosed} fails the session's waiting calls at once and passes on.</li>
 * </ul>
 * A request or answer whose inner message cannot be decoded is dropped with a rate-limited WARN
 * (the waiting call, if any, fails with {@link RpcException.Reason#BAD_REPLY}). Outbound events
 * pass unchanged.
 *
 * <p>Thread safety: stateless (calls live in each session's context); one instance serves every
 * peer.
 */
public final class RpcHooker implements EventHooker {
    /** Sends pass untouched. */
    @Override
    public boolean interceptsOutbound() {
        return false;
    }

    /** The shared instance. */
    public static final RpcHooker INSTANCE = new RpcHooker();

    private static final RateLimitedLog BAD_INPUT = new RateLimitedLog(Calls.log, 1, TimeUnit.SECONDS);

    private RpcHooker() {
    }

    @Override
    public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
        Object m = event.message();
        if (m instanceof RemoteCallREQ req) {
            return request(event.session(), req);
        }
        if (m instanceof RemoteCallACK ack) {
            answer(event.session(), ack);
            return null;
        }
        if (m instanceof SessionClosed) {
            CallTable table = CallTable.peek(event.session());
            if (table != null) {
                failAll(table.takeAll().toArray(new PendingCall[0]));
            }
        }
        return event;
    }

    private static @Nullable RecvMsgEvent request(Session session, RemoteCallREQ req) {
        try {
            Object inner = Payloads.decode(Payloads.registryOf(session), req.msgId(), req.data());
            return new RpcRecvMsgEvent(session, inner, req.callId());
        } catch (RuntimeException e) {
            BAD_INPUT.warn("session {} of peer '{}': dropped rpc request {}: {}", session.id(), PendingCall.peerName(session),
                    req.callId(), e.getMessage());
            return null;
        }
    }

    private static void answer(Session session, RemoteCallACK ack) {
        CallTable table = CallTable.peek(session);
        PendingCall call = table == null ? null : table.take(ack.callId());
        if (call == null) {
            Observability.current().rpc().lateAnswer();
            Calls.log.debug("session {} of peer '{}': dropped the answer to rpc call {}: no such call is waiting"
                    + " (timed out, or unknown)", session.id(), PendingCall.peerName(session), ack.callId());
            return;
        }
        Object reply;
        try {
            reply = Payloads.decode(Payloads.registryOf(session), ack.msgId(), ack.data());
        } catch (RuntimeException e) {
            BAD_INPUT.warn("session {} of peer '{}': the answer to rpc call {} cannot be decoded: {}", session.id(),
                    PendingCall.peerName(session), ack.callId(), e.getMessage());
            call.fail(new RpcException(RpcException.Reason.BAD_REPLY, call + ": cannot decode the answer", e));
            return;
        }
        call.answer(reply);
    }

    /** Fails {@code calls} because their session closed. */
    static void failAll(PendingCall... calls) {
        for (PendingCall call : calls) {
            call.fail(new RpcException(RpcException.Reason.SESSION_CLOSED, call + ": the session closed"));
        }
    }

    @Override
    public String toString() {
        return "RpcHooker";
    }
}
