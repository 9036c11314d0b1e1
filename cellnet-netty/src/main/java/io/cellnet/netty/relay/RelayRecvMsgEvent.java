package io.cellnet.netty.relay;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.netty.internal.wire.RelayACK;
import java.util.Objects;

/**
 * A relayed message received (Go's {@code relay.RecvMsgEvent}): {@link #message()} is the decoded
 * payload message, or {@link NoMessage#INSTANCE} when the relay carried none, and the passthrough
 * values have accessors, {@link #passThroughAsBytes()} included (Go has none for bytes).
 * {@link #reply} relays back with the same passthrough values, bytes included.
 *
 * <p>Thread safety: immutable; its methods may be called from any thread. Do not modify the
 * arrays it returns.
 */
public class RelayRecvMsgEvent extends RecvMsgEvent {
    private final RelayACK ack;

    /** The relay {@code ack} received on {@code session}, whose payload decoded to {@code message}. */
    RelayRecvMsgEvent(Session session, Object message, RelayACK ack) {
        super(session, message);
        this.ack = Objects.requireNonNull(ack, "ack");
    }

    /** The envelope as received. */
    RelayACK ack() {
        return ack;
    }

    /** {@code true} unless the relay carried no payload message. */
    public boolean hasMessage() {
        return ack.hasMessage();
    }

    /** The passthrough int64 ({@code 0} when absent). */
    public long passThroughAsInt64() {
        return ack.int64();
    }

    /** The passthrough int64 slice (empty when absent). */
    public long[] passThroughAsInt64Slice() {
        return ack.int64Slice();
    }

    /** The passthrough string (empty when absent). */
    public String passThroughAsString() {
        return ack.str();
    }

    /** The passthrough bytes (empty when absent). */
    public byte[] passThroughAsBytes() {
        return ack.bytes();
    }

    /**
     * Relays {@code msg} back on this event's session with this event's passthrough values (the
     * int64, the slice, the string and the bytes).
     */
    @Override
    public SendResult reply(Object msg) {
        return Relay.send(session(), msg, ack.bytes(), ack.int64(), ack.int64Slice(), ack.str());
    }

    @Override
    public String toString() {
        return "RelayRecvMsgEvent{session=" + session().id() + ", message=" + message() + ", " + ack + "}";
    }
}
