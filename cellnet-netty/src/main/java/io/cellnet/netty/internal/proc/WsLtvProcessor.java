package io.cellnet.netty.internal.proc;

import io.cellnet.netty.internal.ws.WsTransmitter;

import io.cellnet.EventCallback;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.msglog.MsgLogHooker;
import io.cellnet.proc.ProcessorProvider;
import java.util.List;

/**
 * The {@code ws.ltv} processor (Go's {@code gorillaws.ltv}, also registered under that name): the
 * {@link WsTransmitter}, the message log ({@link MsgLogHooker} on {@code cellnet.msglog.ws.recv} /
 * {@code .send}; Go's ws hooker only logs too), and the callback on the peer's queue.
 *
 * <p>Thread safety: stateless.
 */
public final class WsLtvProcessor implements ProcessorProvider {
    private static final MsgLogHooker HOOKER = MsgLogHooker.of("ws");

    @Override
    public String name() {
        return "ws.ltv";
    }

    @Override
    public List<String> aliases() {
        return List.of("gorillaws.ltv");
    }

    @Override
    public ProcessorBundle create(EventCallback callback) {
        return new ProcessorBundle(WsTransmitter.INSTANCE, HOOKER, callback);
    }
}
