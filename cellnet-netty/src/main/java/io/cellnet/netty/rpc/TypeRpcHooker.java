package io.cellnet.netty.rpc;

import io.cellnet.EventHooker;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionClosed;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code rpc.TypeRPCHooker}, for {@link io.cellnet.rpc.Rpc#callType}: a message of exactly the class a typed
 * call on that session waits for completes the oldest such call and is swallowed (Go passes it on
 * to the callback as well); other messages pass on. {@link SessionClosed} fails the session's
 * waiting typed calls at once. Added by the {@code tcp.ltv.type} processor after {@code tcp.ltv}'s
 * hookers; add it to other bundles with {@link io.cellnet.ProcessorBundle#withHooker}.
 *
 * <p>Thread safety: stateless (calls live in each session's context); one instance serves every
 * peer.
 */
public final class TypeRpcHooker implements EventHooker {
    /** Sends pass untouched. */
    @Override
    public boolean interceptsOutbound() {
        return false;
    }

    /** The shared instance. */
    public static final TypeRpcHooker INSTANCE = new TypeRpcHooker();

    private TypeRpcHooker() {
    }

    @Override
    public @Nullable RecvMsgEvent onInboundEvent(RecvMsgEvent event) {
        TypedCalls calls = TypedCalls.peek(event.session());
        if (calls == null) {
            return event;
        }
        Object m = event.message();
        if (m instanceof SessionClosed) {
            RpcHooker.failAll(calls.takeAll().toArray(new PendingCall[0]));
            return event;
        }
        PendingCall call = calls.take(m.getClass());
        if (call == null) {
            return event;
        }
        call.answer(m);
        return null;
    }

    @Override
    public String toString() {
        return "TypeRpcHooker";
    }
}
