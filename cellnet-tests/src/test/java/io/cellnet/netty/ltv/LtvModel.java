package io.cellnet.netty.ltv;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Message types of the three codecs, their tcp.ltv frames, and an independent model of what the
 * receive side must do with a byte stream (Go's rules, reference §2.1): the messages of the
 * complete frames before the first bad one, and whether a bad one came.
 */
final class LtvModel {
    /** A json-codec message. */
    record JsonMsg(String Msg, int Value) {
    }

    /** A binary-codec message. */
    record BinMsg(String S, int[] Xs, long L) {
    }

    /** A protoplus-codec message. */
    record ProtoMsg(String Name, long Id, List<String> Tags, byte[] Data) {
    }

    static final MessageRegistry REGISTRY = MessageRegistry.create();

    static {
        REGISTRY.register(MessageMeta.of(JsonMsg.class, "fuzz.JsonMsg", JsonCodec.INSTANCE));
        REGISTRY.register(MessageMeta.of(BinMsg.class, "fuzz.BinMsg", BinaryCodec.INSTANCE));
        REGISTRY.register(MessageMeta.of(ProtoMsg.class, "fuzz.ProtoMsg", ProtoplusCodec.INSTANCE));
    }

    private LtvModel() {
    }

    /**
     * What a stream must produce.
     *
     * @param messages the decoded messages, as {@link #key} strings, in order
     * @param refused  {@code true} when a frame is refused (the session must close)
     */
    record Expected(List<String> messages, boolean refused) {
    }

    /** The frame of {@code message}. */
    static byte[] frame(Object message) {
        ByteBuf buf = Unpooled.buffer();
        try {
            LtvTransmitter.INSTANCE.encode(message, REGISTRY, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** The frames of {@code messages}, back to back. */
    static byte[] concat(List<byte[]> frames) {
        byte[] out = new byte[frames.stream().mapToInt(f -> f.length).sum()];
        int at = 0;
        for (byte[] f : frames) {
            System.arraycopy(f, 0, out, at, f.length);
            at += f.length;
        }
        return out;
    }

    /** A message by its codec's encoding (records with arrays do not compare by value). */
    static String key(Object message) {
        MessageMeta meta = REGISTRY.byMessage(message);
        return meta == null ? "unregistered " + message : meta.fullName() + ":"
                + HexFormat.of().formatHex(meta.codec().encode(message));
    }

    /** Parses {@code stream} by the rules, independently of the decoder. */
    static Expected expected(byte[] stream, int maxPacketSize) {
        List<String> messages = new ArrayList<>();
        int at = 0;
        while (stream.length - at >= 2) {
            int size = u16(stream, at);
            if ((maxPacketSize > 0 && size >= maxPacketSize) || size < 2) {
                return new Expected(messages, true);
            }
            if (stream.length - at < 2 + size) {
                break;
            }
            MessageMeta meta = REGISTRY.byId(u16(stream, at + 2));
            if (meta == null || meta.isSystem()) {
                return new Expected(messages, true);
            }
            try {
                messages.add(key(meta.codec().decode(Arrays.copyOfRange(stream, at + 4, at + 2 + size), meta.type())));
            } catch (CodecException e) {
                return new Expected(messages, true);
            }
            at += 2 + size;
        }
        return new Expected(messages, false);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
