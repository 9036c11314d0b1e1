package io.cellnet.internal;

import java.util.Objects;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of a service interface of cellnet-api (the RPC and relay facades'), found
 * through {@link ServiceLoader} on first use, the way {@link NamedRegistry} finds peers, processors
 * and codecs. When none is on the class path (or module path), each use fails with the artifact to
 * add.
 *
 * <p>Thread safety: every method may be called from any thread.
 *
 * @param <P> the service interface
 */
public final class SingleService<P> {
    private final Class<P> type;
    private final String artifactHint;
    private volatile @Nullable P instance;

    /** The implementation of {@code type}, which {@code artifactHint} (for the failure message) provides. */
    public SingleService(Class<P> type, String artifactHint) {
        this.type = Objects.requireNonNull(type, "type");
        this.artifactHint = Objects.requireNonNull(artifactHint, "artifactHint");
    }

    /**
     * The implementation: the first one {@link ServiceLoader} finds.
     *
     * @throws IllegalStateException when there is none
     */
    public P get() {
        P p = instance;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            p = instance;
            if (p == null) {
                p = ServiceLoader.load(type, SingleService.class.getClassLoader()).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no implementation of " + type.getName()
                                + " found; is " + artifactHint + " on the class path?"));
                instance = p;
            }
            return p;
        }
    }
}
