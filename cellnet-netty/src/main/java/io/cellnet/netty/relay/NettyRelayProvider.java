package io.cellnet.netty.relay;

import io.cellnet.RawPacket;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RelayACK;
import io.cellnet.relay.NoMessage;
import io.cellnet.relay.PassThrough;
import io.cellnet.relay.RelayProvider;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cellnet-netty's implementation of {@link io.cellnet.relay.Relay}, found through
 * {@link java.util.ServiceLoader}: a relay travels in Go's {@code relay.RelayACK}, and
 * {@link RelayHooker} turns the envelopes it receives into events. Users call {@code Relay}, never
 * this class.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class NettyRelayProvider implements RelayProvider {
    static final Logger log = LoggerFactory.getLogger("cellnet.relay");
    private static final byte[] NO_BYTES = new byte[0];

    /** The instance {@link java.util.ServiceLoader} makes. */
    public NettyRelayProvider() {
    }

    @Override
    public SendResult relay(Session session, Object message, PassThrough passThrough) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(passThrough, "passThrough");
        byte[] msg = NO_BYTES;
        int msgId = 0;
        if (message != NoMessage.INSTANCE) {
            try {
                RawPacket payload = Payloads.encode(Payloads.registryOf(session), message);
                msg = payload.msgData();
                msgId = payload.msgId();
            } catch (RuntimeException e) {
                log.warn("session {}: cannot relay {}: {}", session.id(), message.getClass().getName(), e.getMessage());
                return SendResult.ENCODE_FAILED;
            }
        }
        return session.send(new RelayACK(msg, msgId, passThrough.bytes(), passThrough.int64(),
                passThrough.int64Slice(), passThrough.str()));
    }
}
