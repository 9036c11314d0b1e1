package io.cellnet.netty.ltv;

import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.ProcessorBundle;
import io.cellnet.spi.ProcessorProvider;

/**
 * The {@code tcp.ltv} processor: the {@link LtvTransmitter} and Go's hooker order.
 *
 * <p>Thread safety: stateless.
 */
public final class TcpLtvProcessor implements ProcessorProvider {

    @Override
    public String name() {
        return "tcp.ltv";
    }

    @Override
    public ProcessorBundle create(EventCallback callback) {
        return new ProcessorBundle(LtvTransmitter.INSTANCE, EventHooker.identity(), callback);
    }
}
