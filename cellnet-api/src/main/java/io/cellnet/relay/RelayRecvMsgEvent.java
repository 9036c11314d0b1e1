package io.cellnet.relay;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import java.util.Objects;

/**
 * A relayed message received (Go's {@code relay.RecvMsgEvent}): {@link #message()} is the decoded
 * payload message, or {@link NoMessage#INSTANCE} when the relay carried none, and the passthrough
 * values have accessors, {@link #passThroughAsBytes()} included (Go has none for bytes).
 * {@link #reply} relays back with the same passthrough values, bytes included. cellnet-netty's
 * relay hooker makes these from the relays it receives; a test can make one to hand to a handler.
 *
 * <p>Thread safety: immutable; its methods may be called from any thread. Do not modify the
 * arrays it returns.
 */
public class RelayRecvMsgEvent extends RecvMsgEvent {
    private final PassThrough passThrough;

    /** A relay received on {@code session}, whose payload is {@code message}, with {@code passThrough}. */
    public RelayRecvMsgEvent(Session session, Object message, PassThrough passThrough) {
        super(session, message);
        this.passThrough = Objects.requireNonNull(passThrough, "passThrough");
    }

    /** {@code true} unless the relay carried no payload message. */
    public boolean hasMessage() {
        return message() != NoMessage.INSTANCE;
    }

    /** The passthrough values, as received. */
    public PassThrough passThrough() {
        return passThrough;
    }

    /** The passthrough int64 ({@code 0} when absent). */
    public long passThroughAsInt64() {
        return passThrough.int64();
    }

    /** The passthrough int64 slice (empty when absent). */
    public long[] passThroughAsInt64Slice() {
        return passThrough.int64Slice();
    }

    /** The passthrough string (empty when absent). */
    public String passThroughAsString() {
        return passThrough.str();
    }

    /** The passthrough bytes (empty when absent). */
    public byte[] passThroughAsBytes() {
        return passThrough.bytes();
    }

    /**
     * Relays {@code msg} back on this event's session with this event's passthrough values (the
     * int64, the slice, the string and the bytes).
     */
    @Override
    public SendResult reply(Object msg) {
        Objects.requireNonNull(msg, "msg");
        return Relay.provider().relay(session(), msg, passThrough);
    }

    @Override
    public String toString() {
        return "RelayRecvMsgEvent{session=" + session().id() + ", message=" + message() + ", " + passThrough + "}";
    }
}
