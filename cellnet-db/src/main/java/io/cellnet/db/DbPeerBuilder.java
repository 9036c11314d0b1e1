package io.cellnet.db;

import io.cellnet.EventCallback;
import io.cellnet.EventHooker;
import io.cellnet.EventQueue;
import io.cellnet.PeerProperty;
import io.cellnet.ProcessorBundle;
import io.cellnet.ReconnectPolicy;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings every database peer has: name, address, queue, the callback of its events and its
 * reconnect policy. The Redis and SQL builders add their own.
 *
 * <p>Thread safety: not thread-safe; use from one thread.
 *
 * @param <B> the concrete builder
 */
public abstract class DbPeerBuilder<B extends DbPeerBuilder<B>> {
    private final String kind;
    private String name;
    private @Nullable String address;
    private EventQueue queue = EventQueue.direct();
    private ProcessorBundle bundle;
    private ReconnectPolicy reconnect = ReconnectPolicy.exponential(Duration.ofSeconds(2), Duration.ofSeconds(10), 0);

    /** A builder for peers of {@code kind} ({@code "redis"}, {@code "sql"}), also their default name. */
    protected DbPeerBuilder(String kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = kind;
        this.bundle = eventBundle(kind, EventCallback.NONE);
    }

    /**
     * A bundle for a database peer made by type name ({@code Peers.newGenericPeer}): {@code callback}
     * gets its events; the transmitter (named {@code kind}) is not used.
     */
    public static ProcessorBundle eventBundle(String kind, EventCallback callback) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(callback, "callback");
        return new ProcessorBundle(() -> kind, EventHooker.IDENTITY, callback);
    }

    /** This builder, typed. */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The name for logs (and threads); the kind by default. */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    /** Where the server is; the concrete builders say which forms they take. */
    public B address(String address) {
        this.address = checkAddress(Objects.requireNonNull(address, "address"));
        return self();
    }

    /** Checks an address; returns it. */
    protected abstract String checkAddress(String address);

    /** The queue the callbacks and results run on; {@link EventQueue#direct()} by default. */
    public B queue(EventQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        return self();
    }

    /** The callback of the connection events (and Redis's pub/sub messages). */
    public B callback(EventCallback callback) {
        this.bundle = eventBundle(kind, Objects.requireNonNull(callback, "callback"));
        return self();
    }

    /** The bundle whose hooker and callback get the events (its transmitter is not used). */
    public B bundle(ProcessorBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        return self();
    }

    /**
     * When to try again after a failed connection attempt; Go's 2 s doubling to 10 s by default.
     * When it gives up, the peer posts {@code SessionConnectError} with {@code willRetry == false}
     * and stops itself.
     */
    public B reconnect(ReconnectPolicy policy) {
        this.reconnect = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /** Name, address and queue. */
    protected final PeerProperty property() {
        return PeerProperty.of(name, Objects.requireNonNull(address, "address is required"), queue);
    }

    /** The bundle given, or one with the callback given. */
    protected final ProcessorBundle processorBundle() {
        return bundle;
    }

    /** The reconnect policy. */
    protected final ReconnectPolicy reconnectPolicy() {
        return reconnect;
    }

    /** The address. */
    protected final String addressValue() {
        return Objects.requireNonNull(address, "address is required");
    }
}
