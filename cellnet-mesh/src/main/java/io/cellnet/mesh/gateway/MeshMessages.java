package io.cellnet.mesh.gateway;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.StringHash;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's messages, protoplus, under cellmesh's ids where cellmesh has them (protoplus
 * {@code AutoMsgID} is {@code StringHash("proto" + Name)}, without a dot): {@code proto.TransmitACK}
 * 9941, {@code proto.ClientClosedACK} 50844, {@code proto.CloseClientACK} 58040; and the two this
 * port adds, {@code proto.ClientConnectedACK} and {@code proto.RouteErrorACK}, by the same rule.
 *
 * <p>Thread safety: stateless; {@link #register} may be called from any thread.
 */
public final class MeshMessages {
    private static final List<MessageMeta> ALL = List.of(
            meta(TransmitACK.class), meta(ClientClosedACK.class), meta(CloseClientACK.class),
            meta(ClientConnectedACK.class), meta(RouteErrorACK.class));

    private MeshMessages() {
    }

    private static MessageMeta meta(Class<?> type) {
        String name = type.getSimpleName();
        // TransmitACK crosses the gateway twice per message: its hand-written codec, same bytes
        return MessageMeta.of(type, "proto." + name, StringHash.hash("proto" + name),
                type == TransmitACK.class ? TransmitCodec.INSTANCE : ProtoplusCodec.INSTANCE);
    }

    /** Every gateway message. */
    public static List<MessageMeta> all() {
        return ALL;
    }

    /** Registers every gateway message in {@code registry} (once; again is a no-op). */
    public static MessageRegistry register(MessageRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        ALL.forEach(registry::registerIfAbsent);
        return registry;
    }
}
