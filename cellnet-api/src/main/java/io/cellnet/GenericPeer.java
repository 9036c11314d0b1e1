package io.cellnet;

/**
 * A peer with a name, an address, an event queue, context values and a processor bundle (Go's
 * {@code cellnet.GenericPeer}). This is what {@link Peers#newGenericPeer} returns; cast it, or use
 * {@link #as(Class)}, to reach a transport's capability interface such as {@link TcpAcceptor}. Its
 * processor bundle is fixed when it is built.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface GenericPeer extends Peer, PeerProperty, ContextSet {

    /** The processor bundle this peer was built with. */
    ProcessorBundle processorBundle();
}
