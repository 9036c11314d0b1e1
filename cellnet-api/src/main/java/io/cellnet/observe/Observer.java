package io.cellnet.observe;

/**
 * Makes the observers of cellnet's parts: one per peer, per queue, and one each for RPC, relay and
 * mesh. cellnet asks once, when a peer or a queue is built; every method has a no-op default, so an
 * implementation overrides only what it observes.
 *
 * <p>Thread safety: implementations must allow calls from any thread.
 */
public interface Observer {
    /** Observes nothing. */
    Observer NONE = new Observer() {
        @Override
        public String toString() {
            return "Observer.NONE";
        }
    };

    /** The observer of the peer {@code tags} describes; {@link PeerObserver#NONE} by default. */
    default PeerObserver peer(PeerTags tags) {
        return PeerObserver.NONE;
    }

    /** The observer of the queue {@code queue}; {@link QueueObserver#NONE} by default. */
    default QueueObserver queue(QueueTags queue) {
        return QueueObserver.NONE;
    }

    /** The observer of RPC calls; {@link RpcObserver#NONE} by default. */
    default RpcObserver rpc() {
        return RpcObserver.NONE;
    }

    /** The observer of relayed messages; {@link RelayObserver#NONE} by default. */
    default RelayObserver relay() {
        return RelayObserver.NONE;
    }

    /** The observer of mesh discovery and routing; {@link MeshObserver#NONE} by default. */
    default MeshObserver mesh() {
        return MeshObserver.NONE;
    }
}
