package io.cellnet.examples.logic;

import io.cellnet.ContextKey;
import io.cellnet.EventCallback;
import io.cellnet.Session;
import io.cellnet.SessionAccessor;
import io.cellnet.examples.logic.GameMessages.Login;
import io.cellnet.examples.logic.GameMessages.LoginAck;
import io.cellnet.examples.logic.GameMessages.Said;
import io.cellnet.examples.logic.GameMessages.Say;
import io.cellnet.proc.MessageDispatcher;
import io.cellnet.relay.Relay;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.rpc.Rpc;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The gateway's logic, between the players and the backend:
 * <ul>
 *   <li>a player's {@link Login} call is answered with what the backend answers to the gateway's
 *       own call (an RPC made while another is answered, without blocking the queue);</li>
 *   <li>a logged-in player's {@link Say} is relayed to the backend with the player's session id
 *       and name as passthrough values;</li>
 *   <li>a {@link Said} the backend relays back goes to the player its session id names.</li>
 * </ul>
 *
 * <p>Thread safety: the handlers run on the peers' queue; the backend session is read from any
 * thread.
 */
public final class Gateway {
    /** The name of a logged-in player, in its session's context. */
    public static final ContextKey<String> USER = ContextKey.of("game.user", String.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<Session> backend;

    /** A gateway that talks to the backend over the session {@code backend} supplies (a connector's). */
    public Gateway(Supplier<Session> backend) {
        this.backend = backend;
    }

    /** The callback of the acceptor the players connect to. */
    public EventCallback playerHandler() {
        return new MessageDispatcher()
                .on(Login.class, (ev, login) -> Rpc.call(backend.get(), login, LoginAck.class, CALL_TIMEOUT)
                        .whenComplete((ack, error) -> {
                            if (error == null) {
                                ev.session().setContext(USER, login.user());
                                ev.reply(ack);
                            } else {
                                ev.reply(new LoginAck(1, "backend unavailable: " + error));
                            }
                        }))
                .on(Say.class, (ev, say) -> {
                    String user = ev.session().getContext(USER);
                    if (user != null) {
                        Relay.relay(backend.get(), say, ev.session().id(), user);
                    }
                });
    }

    /** The callback of the connector to the backend: routes what the backend relays back to its player. */
    public static EventCallback backendHandler(SessionAccessor players) {
        return new MessageDispatcher().on(Said.class, (ev, said) -> {
            if (ev instanceof RelayRecvMsgEvent relayed) {
                Session player = players.session(relayed.passThroughAsInt64());
                if (player != null) {
                    player.send(said);
                }
            }
        });
    }
}
