package io.cellnet;

/**
 * A peer with a name, an address, an event queue, context values and a processor bundle (Go's
 * {@code cellnet.GenericPeer} plus its {@code ProcessorBundle} setters). This is what
 * {@link Peers#newGenericPeer} returns; cast it, or use {@link #as(Class)}, to reach a transport's
 * capability interface such as {@link TcpAcceptor}.
 *
 * <p>Thread safety: every method may be called from any thread. {@link #bindProcessor} is allowed
 * only while the peer is stopped.
 */
public interface GenericPeer extends Peer, PeerProperty, ContextSet {

    /**
     * Installs the transmitter, hooker and callback that this peer's sessions use (Go's
     * {@code proc.BindProcessorHandler}). See {@code io.cellnet.proc.Processors#bind} for binding by
     * processor name.
     *
     * @throws IllegalStateException when the peer is not stopped
     */
    void bindProcessor(ProcessorBundle bundle);

    /** The bundle bound to this peer. */
    ProcessorBundle processorBundle();
}
