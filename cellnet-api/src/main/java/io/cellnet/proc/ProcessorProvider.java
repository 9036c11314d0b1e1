package io.cellnet.proc;

import io.cellnet.EventCallback;
import io.cellnet.ProcessorBundle;
import java.util.List;

/**
 * Makes the {@link ProcessorBundle} of one named processor (Go's {@code proc.RegisterProcessor}),
 * for {@link io.cellnet.proc.Processors}. Listed in
 * {@code META-INF/services/io.cellnet.proc.ProcessorProvider}.
 *
 * <p>Thread safety: {@link #create} may be called from any thread.
 */
public interface ProcessorProvider {

    /** The processor's name, for example {@code "tcp.ltv"}. */
    String name();

    /** Other names for the same processor (Go's {@code "gorillaws.ltv"} for {@code "ws.ltv"}). */
    default List<String> aliases() {
        return List.of();
    }

    /** A bundle of this processor's transmitter and hookers with {@code callback} as its callback. */
    ProcessorBundle create(EventCallback callback);
}
