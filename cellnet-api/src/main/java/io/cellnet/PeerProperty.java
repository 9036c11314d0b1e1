package io.cellnet;

/**
 * The name, address and event queue of a peer (Go's {@code cellnet.PeerProperty}). Fixed when the
 * peer is built.
 *
 * <p>Thread safety: implementations are immutable; every method may be called from any thread.
 */
public interface PeerProperty {

    /** A human-readable name used in logs, for example {@code "gate"}. */
    String name();

    /** The address as given, for example {@code "127.0.0.1:7000~7010"}; see {@link Address}. */
    String address();

    /**
     * The queue on which the user callback runs. {@link EventQueue#direct()} when the peer has
     * none; then callbacks run on the I/O thread.
     */
    EventQueue queue();

    /** An immutable property set. */
    static PeerProperty of(String name, String address, EventQueue queue) {
        return new SimplePeerProperty(name, address, queue);
    }
}
