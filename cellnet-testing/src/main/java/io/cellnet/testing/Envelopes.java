package io.cellnet.testing;

import io.cellnet.MessageRegistry;
import io.cellnet.RawPacket;
import io.cellnet.RecvMsgEvent;
import io.cellnet.relay.PassThrough;
import io.cellnet.netty.relay.RelayHooker;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RelayACK;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import java.util.Objects;

/**
 * The RPC and relay envelopes, for unit tests of handlers on a {@link FakeSession}: what an answer
 * or a relayed message that a handler sent carried, and the event a relayed message arrives as,
 * without the envelopes themselves (they are not API).
 *
 * <pre>{@code
 * FakeSession session = new FakeSession().registry(registry);
 * loginHandler.onEvent(new RpcRecvMsgEvent(session, new Login("alice"), 7));     // call id 7
 * Envelopes.RpcAnswer answer = Envelopes.rpcAnswer(session.lastSent(), registry);
 * assertEquals(new Envelopes.RpcAnswer(7, new LoginAck(0)), answer);
 * }</pre>
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class Envelopes {
    private Envelopes() {
    }

    /**
     * An RPC answer as sent: the call it answers and its message.
     *
     * <p>Thread safety: immutable.
     *
     * @param callId  the call's id
     * @param message the answer, decoded
     */
    public record RpcAnswer(long callId, Object message) {
        /** Checks the message. */
        public RpcAnswer {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A relayed message as sent: the message and the values passed through with it.
     *
     * <p>Thread safety: immutable.
     *
     * @param message     the relayed message, decoded
     * @param passThrough the pass-through values
     */
    public record Relayed(Object message, PassThrough passThrough) {
        /** Checks the arguments. */
        public Relayed {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(passThrough, "passThrough");
        }
    }

    /**
     * What the RPC answer {@code sent} (a message a session recorded, such as
     * {@link FakeSession#lastSent()}) carried, its message decoded with {@code registry}.
     *
     * @throws IllegalArgumentException when {@code sent} is not an RPC answer
     */
    public static RpcAnswer rpcAnswer(Object sent, MessageRegistry registry) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(registry, "registry");
        if (!(sent instanceof RemoteCallACK ack)) {
            throw new IllegalArgumentException("not an RPC answer: " + sent);
        }
        return new RpcAnswer(ack.callId(), Payloads.decode(registry, ack.msgId(), ack.data()));
    }

    /**
     * What the relayed message {@code sent} (a message a session recorded) carried, its message
     * decoded with {@code registry}.
     *
     * @throws IllegalArgumentException when {@code sent} is not a relayed message
     */
    public static Relayed relayed(Object sent, MessageRegistry registry) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(registry, "registry");
        if (!(sent instanceof RelayACK ack)) {
            throw new IllegalArgumentException("not a relayed message: " + sent);
        }
        return new Relayed(Payloads.decode(registry, ack.msgId(), ack.msg()),
                new PassThrough(ack.int64(), ack.int64Slice(), ack.str(), ack.bytes()));
    }

    /**
     * The event {@code message}, relayed to {@code session} with {@code passThrough}, arrives as:
     * the {@code RelayRecvMsgEvent} the relay hooker makes of it, as a peer with the
     * {@code tcp.ltv} processor delivers it. The message is encoded with the session's registry.
     */
    public static RecvMsgEvent relayedTo(FakeSession session, Object message, PassThrough passThrough) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(passThrough, "passThrough");
        RawPacket packet = Payloads.encode(session.registry(), message);
        RelayACK ack = new RelayACK(packet.msgData(), packet.msgId(), passThrough.bytes(), passThrough.int64(),
                passThrough.int64Slice(), passThrough.str());
        return Objects.requireNonNull(RelayHooker.INSTANCE.onInboundEvent(session.received(ack)),
                "the relay hooker consumed the event");
    }
}
