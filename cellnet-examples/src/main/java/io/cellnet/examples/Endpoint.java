package io.cellnet.examples;

import io.cellnet.Address;
import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.GenericPeer;
import io.cellnet.MessageRegistry;
import io.cellnet.Session;
import io.cellnet.SessionAccessor;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What an example's peer is made of, whatever its {@link Transport}.
 *
 * <p>Thread safety: immutable.
 *
 * @param name     the peer's name for logs
 * @param address  {@code host:port}
 * @param queue    the queue its callback runs on
 * @param registry its messages
 * @param callback the user callback
 */
public record Endpoint(String name, String address, EventQueue queue, MessageRegistry registry,
        EventCallback callback) {

    /**
     * A built acceptor: the peer, its bound port and its sessions.
     *
     * <p>Thread safety: every method may be called from any thread.
     *
     * @param peer     the acceptor
     * @param port     its bound port (0 until started)
     * @param sessions its sessions
     */
    public record Server(GenericPeer peer, IntSupplier port, SessionAccessor sessions) {

        /** {@code host:port} with the bound port, {@code 0.0.0.0} for an empty host. */
        public String boundAddress() {
            Address a = Address.parse(peer.address());
            return (a.host().isEmpty() ? Address.parse("0.0.0.0:0") : a).hostPort(port.getAsInt());
        }
    }

    /**
     * A built connector: the peer and its session.
     *
     * <p>Thread safety: every method may be called from any thread.
     *
     * @param peer    the connector
     * @param session its session (one object for the connector's life)
     */
    public record Client(GenericPeer peer, Supplier<Session> session) {
    }
}
