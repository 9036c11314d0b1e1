package io.cellnet.relay;

/**
 * Sees every relayed message a peer receives (Go's {@code relay.SetBroadcaster} function), for
 * example to forward it to the client session named by a passthrough value. Set with
 * {@link Relay#setBroadcaster}.
 *
 * <p>Thread safety: called on the event queue of the receiving session's peer (on its I/O thread
 * when that queue is {@link io.cellnet.EventQueue#direct()}), one event at a time per queue.
 */
@FunctionalInterface
public interface RelayBroadcaster {

    /** A relayed message arrived; the event also goes on to the peer's callback. */
    void onRelay(RelayRecvMsgEvent event);
}
