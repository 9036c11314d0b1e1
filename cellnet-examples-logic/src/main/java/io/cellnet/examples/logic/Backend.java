package io.cellnet.examples.logic;

import io.cellnet.EventCallback;
import io.cellnet.examples.logic.GameMessages.Login;
import io.cellnet.examples.logic.GameMessages.LoginAck;
import io.cellnet.examples.logic.GameMessages.Said;
import io.cellnet.examples.logic.GameMessages.Say;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.rpc.RpcRecvMsgEvent;

/**
 * The backend's logic: it answers {@link Login} calls, and relays every {@link Say} it receives
 * back as a {@link Said}, keeping the relay's passthrough values (the gateway's player session id
 * and the player's name).
 *
 * <p>Thread safety: stateless; the handler runs on the backend peer's queue.
 */
public final class Backend {
    private Backend() {
    }

    /** The backend peer's callback. */
    public static EventCallback handler() {
        return new MessageDispatcher()
                .on(Login.class, (ev, login) -> {
                    if (ev instanceof RpcRecvMsgEvent) {
                        ev.reply(new LoginAck(0, "welcome, " + login.user()));   // answers the call
                    }
                })
                .on(Say.class, (ev, say) -> {
                    if (ev instanceof RelayRecvMsgEvent relayed) {
                        relayed.reply(new Said(relayed.passThroughAsString(), say.text()));   // same passthrough
                    }
                });
    }
}
