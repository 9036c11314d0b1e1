package io.cellnet.netty.internal.stream;

import io.cellnet.DisconnectedSendPolicy;
import io.cellnet.ReconnectPolicy;
import io.cellnet.timer.Scheduler;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a stream connector adds to its {@code TcpPeerConfig}, as built by {@code TcpConnectorBuilder}.
 *
 * <p>Thread safety: immutable.
 *
 * @param reconnect      when to dial again after a failed attempt or a lost connection
 * @param sendPolicy     what {@code send} does without a connection
 * @param connectTimeout how long one attempt may take
 * @param scheduler      the clock of reconnect delays, or {@code null} for the event loop's
 * @param idBase         the first session id; each connection takes the next
 */
public record ConnectorOptions(ReconnectPolicy reconnect, DisconnectedSendPolicy sendPolicy, Duration connectTimeout,
        @Nullable Scheduler scheduler, long idBase) {

    /** Checks the arguments. */
    public ConnectorOptions {
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(sendPolicy, "sendPolicy");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** These options for a sync connector: it never reconnects and refuses sends without a connection. */
    ConnectorOptions forSync() {
        return new ConnectorOptions(ReconnectPolicy.none(), DisconnectedSendPolicy.refuse(), connectTimeout, scheduler,
                idBase);
    }
}
