package io.cellnet.relay;

import io.cellnet.SendResult;
import io.cellnet.Session;

/**
 * The implementation behind {@link Relay} and {@link RelayRecvMsgEvent#reply}: cellnet-netty's,
 * found through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.cellnet.relay.RelayProvider}, or {@code provides} in a module
 * descriptor). Users call {@link Relay}; only an implementation of cellnet's transports implements
 * this.
 *
 * <p>Thread safety: implementations must be thread-safe; every method may be called from any
 * thread.
 */
public interface RelayProvider {

    /**
     * Sends {@code message} (or no message, for {@link NoMessage#INSTANCE}) with
     * {@code passThrough} on {@code session}, in one relay envelope.
     *
     * @return what the send did; {@link SendResult#ENCODE_FAILED} when {@code message} cannot be
     *     encoded (logged)
     */
    SendResult relay(Session session, Object message, PassThrough passThrough);
}
