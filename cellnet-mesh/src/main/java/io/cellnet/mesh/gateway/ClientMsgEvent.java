package io.cellnet.mesh.gateway;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import java.util.Objects;

/**
 * A client's message as a backend receives it through a gateway (cellmesh's
 * {@code RecvMsgEvent{Ses, Msg, ClientID}}): {@link #session()} is the link to the gateway,
 * {@link #message()} the decoded client message, and {@link #reply} answers the client, not the
 * gateway.
 *
 * <p>Thread safety: as {@link RecvMsgEvent}; {@link #reply} may be called from any thread.
 */
public final class ClientMsgEvent extends RecvMsgEvent {
    private final long clientId;

    /** An event for client {@code clientId} of the gateway at the other end of {@code gateway}. */
    public ClientMsgEvent(Session gateway, Object message, long clientId) {
        super(Objects.requireNonNull(gateway, "gateway"), message);
        this.clientId = clientId;
    }

    /** The client's id at its gateway. */
    public long clientId() {
        return clientId;
    }

    /** Sends {@code msg} to the client, through the gateway. */
    @Override
    public SendResult reply(Object msg) {
        return GatewayLink.send(session(), clientId, msg);
    }

    @Override
    public String toString() {
        return "ClientMsgEvent{gateway=" + session().id() + ", client=" + clientId + ", message=" + message() + "}";
    }
}
