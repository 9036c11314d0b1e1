package io.cellnet.netty.internal.proc;

import io.cellnet.netty.internal.ltv.LtvTransmitter;

import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.ProcessorBundle;
import io.cellnet.netty.rpc.TypeRpcHooker;
import io.cellnet.proc.ProcessorProvider;

/**
 * The {@code tcp.ltv.type} processor of Go's TestTypeRPC: {@code tcp.ltv} (frames, RPC, relay,
 * message log) followed by {@link TypeRpcHooker}, for {@link io.cellnet.netty.rpc.Rpc#callType}.
 *
 * <p>Thread safety: stateless.
 */
public final class TcpLtvTypeProcessor implements ProcessorProvider {

    @Override
    public String name() {
        return "tcp.ltv.type";
    }

    @Override
    public ProcessorBundle create(EventCallback callback) {
        return new ProcessorBundle(LtvTransmitter.INSTANCE, EventHooker.chain(TcpLtvProcessor.hooker(),
                TypeRpcHooker.INSTANCE), callback);
    }
}
