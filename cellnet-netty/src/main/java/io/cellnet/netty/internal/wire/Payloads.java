package io.cellnet.netty.internal.wire;

import io.cellnet.FrameException;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.MessageRegistryAware;
import io.cellnet.RawPacket;
import io.cellnet.Session;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Messages carried inside other messages (the RPC and relay envelopes): a message id plus a body
 * encoded with the message's own registered codec, exactly as {@link PacketCodec} frames it.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class Payloads {
    private Payloads() {
    }

    /**
     * The registry {@code session} encodes and decodes with (see {@link MessageRegistryAware}: its
     * peer's for cellnet-netty's sessions, the configured one for a {@code FakeSession});
     * {@link MessageRegistry#global()} for a session without that capability.
     */
    public static MessageRegistry registryOf(Session session) {
        return session instanceof MessageRegistryAware r ? r.registry() : MessageRegistry.global();
    }

    /**
     * The id and body of {@code message} (a registered message, a built-in one, or a
     * {@link RawPacket}, which is returned as it is).
     *
     * @throws io.cellnet.codec.CodecException when the message is not registered, is a system
     *     message, or its codec fails
     */
    public static RawPacket encode(MessageRegistry registry, Object message) {
        if (message instanceof RawPacket raw) {
            return raw;
        }
        ByteBuf buf = Unpooled.buffer(64);
        try {
            PacketCodec.writeIdAndBody(message, registry, buf);
            int id = buf.readUnsignedShortLE();
            return new RawPacket(id, ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
    }

    /**
     * Decodes {@code body} as the message registered under {@code id}, the payload of an RPC or
     * relay envelope.
     *
     * @throws FrameException when {@code id} is unknown, belongs to a system message, or is a
     *     built-in envelope (an envelope never carries another one: its raw form would reach the
     *     callback)
     * @throws io.cellnet.codec.CodecException when the codec refuses the body
     */
    public static Object decode(MessageRegistry registry, int id, byte[] body) {
        MessageMeta meta = BuiltinMessages.byId(registry, id);
        if (meta != null && BuiltinMessages.all().contains(meta)) {
            throw new FrameException("envelope " + meta.fullName() + " (id " + id + ") inside an envelope");
        }
        ByteBuf buf = Unpooled.wrappedBuffer(body);
        try {
            return PacketCodec.decode(registry, id, buf);
        } finally {
            buf.release();
        }
    }
}
