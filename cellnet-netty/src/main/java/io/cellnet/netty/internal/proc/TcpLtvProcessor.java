package io.cellnet.netty.internal.proc;

import io.cellnet.netty.internal.ltv.LtvTransmitter;

import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.msglog.MsgLogHooker;
import io.cellnet.netty.relay.RelayHooker;
import io.cellnet.netty.rpc.RpcHooker;
import io.cellnet.proc.ProcessorProvider;

/**
 * The {@code tcp.ltv} processor: the {@link LtvTransmitter} and Go's hooker order, RPC
 * ({@link RpcHooker}), then relay ({@link RelayHooker}), then the message log
 * ({@link MsgLogHooker} on {@code cellnet.msglog.tcp.recv} / {@code .send}), then the callback.
 *
 * <p>Thread safety: stateless.
 */
public final class TcpLtvProcessor implements ProcessorProvider {
    private static final EventHooker HOOKER = hooker(MsgLogHooker.of("tcp"));

    /** The hooker chain of {@code tcp.ltv}, for building other bundles around it. */
    public static EventHooker hooker() {
        return HOOKER;
    }

    /**
     * The hooker chain of {@code tcp.ltv} with {@code messageLog} in place of the default message
     * log (other loggers or rules).
     */
    public static EventHooker hooker(EventHooker messageLog) {
        return EventHooker.chain(RpcHooker.INSTANCE, RelayHooker.INSTANCE, messageLog);
    }

    @Override
    public String name() {
        return "tcp.ltv";
    }

    @Override
    public ProcessorBundle create(EventCallback callback) {
        return new ProcessorBundle(LtvTransmitter.INSTANCE, HOOKER, callback);
    }
}
