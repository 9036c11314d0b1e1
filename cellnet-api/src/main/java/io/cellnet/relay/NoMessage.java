package io.cellnet.relay;

/**
 * The message of a {@link RelayRecvMsgEvent} whose relay carries no payload message (Go's
 * {@code MsgID} 0, for example a relay of raw bytes only). Go delivers {@code nil} there; events
 * never carry {@code null}, so this marker stands in. Passing it to {@link Relay#relay} relays no
 * message.
 *
 * <p>Thread safety: an immutable enum constant.
 */
public enum NoMessage {
    /** The only instance. */
    INSTANCE;

    @Override
    public String toString() {
        return "(no message)";
    }
}
