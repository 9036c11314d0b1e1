package io.cellnet.netty.ws;

import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.ProcessorBundle;
import io.cellnet.spi.ProcessorProvider;
import java.util.List;

/**
 * The {@code ws.ltv} processor (Go's {@code gorillaws.ltv}, also registered under that name): the
 * {@link WsTransmitter}, no hooker, and the callback on the peer's queue.
 *
 * <p>Thread safety: stateless.
 */
public final class WsLtvProcessor implements ProcessorProvider {

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
        return new ProcessorBundle(WsTransmitter.INSTANCE, EventHooker.identity(), callback);
    }
}
