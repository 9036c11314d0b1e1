package io.cellnet.netty.internal.wire;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The messages every peer knows without registering them: Go's protoplus envelopes
 * {@code rpc.RemoteCallREQ} (58645), {@code rpc.RemoteCallACK} (20476) and {@code relay.RelayACK}
 * (45545). {@link PacketCodec} consults this table only when the peer's own
 * {@link MessageRegistry} has nothing for an id or a class, so registries made with
 * {@link MessageRegistry#create()} work with RPC and relay, the lookup of ordinary messages costs
 * nothing more, and an application that registers its own class under one of these ids or names
 * takes it over (RPC or relay then no longer see those frames).
 *
 * <p>Thread safety: immutable; every method may be called from any thread.
 */
public final class BuiltinMessages {
    /** {@code rpc.RemoteCallREQ}, id 58645, protoplus. */
    public static final MessageMeta REMOTE_CALL_REQ =
            MessageMeta.of(RemoteCallREQ.class, "rpc.RemoteCallREQ", 58645, ProtoplusCodec.INSTANCE);
    /** {@code rpc.RemoteCallACK}, id 20476, protoplus. */
    public static final MessageMeta REMOTE_CALL_ACK =
            MessageMeta.of(RemoteCallACK.class, "rpc.RemoteCallACK", 20476, ProtoplusCodec.INSTANCE);
    /** {@code relay.RelayACK}, id 45545, protoplus. */
    public static final MessageMeta RELAY_ACK =
            MessageMeta.of(RelayACK.class, "relay.RelayACK", 45545, ProtoplusCodec.INSTANCE);

    private static final List<MessageMeta> ALL = List.of(REMOTE_CALL_REQ, REMOTE_CALL_ACK, RELAY_ACK);

    private BuiltinMessages() {
    }

    /** Every built-in message. */
    public static List<MessageMeta> all() {
        return ALL;
    }

    /** The meta with this id in {@code registry}, else the built-in one, else {@code null}. */
    public static @Nullable MessageMeta byId(MessageRegistry registry, int id) {
        MessageMeta meta = registry.byId(id);
        if (meta != null) {
            return meta;
        }
        for (MessageMeta m : ALL) {
            if (m.id() == id) {
                return m;
            }
        }
        return null;
    }

    /** The meta of {@code message}'s class in {@code registry}, else the built-in one, else {@code null}. */
    public static @Nullable MessageMeta byMessage(MessageRegistry registry, Object message) {
        MessageMeta meta = registry.byMessage(message);
        if (meta != null) {
            return meta;
        }
        for (MessageMeta m : ALL) {
            if (m.type() == message.getClass()) {
                return m;
            }
        }
        return null;
    }

    /** The meta with this full name in {@code registry}, else the built-in one, else {@code null}. */
    public static @Nullable MessageMeta byFullName(MessageRegistry registry, String fullName) {
        MessageMeta meta = registry.byFullName(fullName);
        if (meta != null) {
            return meta;
        }
        for (MessageMeta m : ALL) {
            if (m.fullName().equals(fullName)) {
                return m;
            }
        }
        return null;
    }
}
