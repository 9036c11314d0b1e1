package io.cellnet.netty.internal.wire;

import io.cellnet.FrameException;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.RawPacket;
import io.cellnet.SendResult;
import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.ByteBufCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The part of every transmitter that is the same on every transport: a message id plus a body
 * encoded by the message's registered codec. Uses {@link ByteBufCodec} when the codec offers it.
 * Ids and classes the registry does not know are looked up in {@link BuiltinMessages} (the RPC
 * and relay envelopes).
 *
 * <p>Thread safety: stateless.
 */
public final class PacketCodec {
    private PacketCodec() {
    }

    /**
     * Decodes the readable bytes of {@code body} as the message registered under {@code id}.
     *
     * @return the message, or a {@link RawPacket} of the bytes when the id is unknown and the
     *     registry {@linkplain MessageRegistry#deliversUnknownAsRaw() delivers unknown ids raw}
     * @throws FrameException when {@code id} is unknown (and not delivered raw) or belongs to a system message
     * @throws CodecException when the codec refuses the body
     */
    public static Object decode(MessageRegistry registry, int id, ByteBuf body) {
        MessageMeta meta = BuiltinMessages.byId(registry, id);
        if (meta == null && registry.deliversUnknownAsRaw() && id > 0) {
            return new RawPacket(id, ByteBufUtil.getBytes(body));
        }
        if (meta == null) {
            throw new FrameException("msg not exists, '" + id + "'");
        }
        if (meta.isSystem()) {
            throw new FrameException("system message " + meta.fullName() + " (id " + id + ") is not accepted from the wire");
        }
        Codec codec = meta.codec();
        try {
            if (codec instanceof ByteBufCodec bc) {
                return bc.decode(body, meta.type());
            }
            return codec.decode(body.nioBuffer(), meta.type());
        } catch (CodecException e) {
            throw new CodecException("decode " + meta.fullName() + " (id " + id + ") failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CodecException("decode " + meta.fullName() + " (id " + id + ") failed: " + e, e);
        }
    }

    /**
     * Writes {@code [msgid u16 LE][body]} for {@code message} (a registered message or a
     * {@link RawPacket}) to {@code out}.
     *
     * @throws CodecException when the message is not registered, is a system message, or its codec
     *     fails
     */
    public static void writeIdAndBody(Object message, MessageRegistry registry, ByteBuf out) {
        if (message instanceof RawPacket raw) {
            out.writeShortLE(raw.msgId());
            out.writeBytes(raw.msgData());
            return;
        }
        MessageMeta meta = BuiltinMessages.byMessage(registry, message);
        if (meta == null) {
            throw new CodecException(message.getClass().getName() + " is not registered in the message registry");
        }
        if (meta.isSystem()) {
            throw new CodecException("system message " + meta.fullName() + " cannot be sent");
        }
        out.writeShortLE(meta.id());
        Codec codec = meta.codec();
        try {
            if (codec instanceof ByteBufCodec bc) {
                bc.encode(message, out);
            } else {
                out.writeBytes(codec.encode(message));
            }
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CodecException("encode " + meta.fullName() + " failed: " + e, e);
        }
    }

    /**
     * Writes the length-prefixed frame {@code [size u16 LE][msgid u16 LE][body]} of {@code message}
     * to {@code out}, the layout of {@code tcp.ltv} and {@code udp.ltv}. The size field counts the id
     * and the body, and also itself when {@code sizeCountsItself} ({@code udp.ltv}).
     *
     * @return {@link SendResult#QUEUED}, or {@link SendResult#TOO_LARGE} with {@code out}'s writer
     *     index back where it was when the size would exceed {@code maxSize}
     * @throws CodecException as {@link #writeIdAndBody}
     */
    public static SendResult writeSizedFrame(Object message, MessageRegistry registry, ByteBuf out,
            boolean sizeCountsItself, int maxSize) {
        int start = out.writerIndex();
        out.writeShortLE(0);
        writeIdAndBody(message, registry, out);
        int size = out.writerIndex() - start - (sizeCountsItself ? 0 : 2);
        if (size > maxSize) {
            out.writerIndex(start);
            return SendResult.TOO_LARGE;
        }
        out.setShortLE(start, size);
        return SendResult.QUEUED;
    }
}
