package io.cellnet.proc;

import io.cellnet.EventCallback;
import io.cellnet.ProcessorBundle;
import java.util.Set;

/**
 * Makes the {@link ProcessorBundle}s of named processors (Go's {@code proc.RegisterProcessor}) for
 * {@link Processors}. One provider may make several processors; it is listed in
 * {@code META-INF/services/io.cellnet.proc.ProcessorProvider} or given to {@link Processors#register}.
 *
 * <p>Thread safety: {@link #create} may be called from any thread.
 */
public interface ProcessorProvider {

    /** The processor names this provider makes, Go's aliases included ({@code "gorillaws.ltv"}). */
    Set<String> names();

    /**
     * A bundle of processor {@code name}'s transmitter and hookers with {@code callback} as its
     * callback.
     */
    ProcessorBundle create(String name, EventCallback callback);
}
