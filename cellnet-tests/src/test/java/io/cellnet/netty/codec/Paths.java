package io.cellnet.netty.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test helpers: hex dumps and every way of calling a codec (byte arrays, heap and direct
 * {@link ByteBuffer}s, heap, direct and pooled {@link ByteBuf}s), each checked to give the same
 * answer. Every buffer allocated here is released here.
 */
public final class Paths {
    private Paths() {
    }

    /** Bytes from hex, ignoring spaces and '|' separators. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Encodes through the byte-array and every ByteBuf path; all must agree. */
    public static byte[] encodeAll(ByteBufCodec codec, Object message) {
        byte[] viaArray = codec.encode(message);
        for (ByteBuf out : buffers()) {
            try {
                out.writeByte(0x5A); // the codec must append, not overwrite
                codec.encode(message, out);
                assertEquals(0x5A, out.readByte());
                assertArrayEquals(viaArray, ByteBufUtil.getBytes(out), "ByteBuf path differs: " + out);
            } finally {
                out.release();
            }
        }
        return viaArray;
    }

    /** Decodes through every path; all results are returned (first the byte-array one). */
    public static <T> List<T> decodeAll(ByteBufCodec codec, byte[] body, Class<T> type) {
        List<T> out = new ArrayList<>();
        out.add(codec.decode(body, type));
        ByteBuffer direct = ByteBuffer.allocateDirect(body.length + 3);
        direct.put(new byte[] {1, 2, 3}).put(body).flip().position(3);
        out.add(codec.decode(direct, type));
        out.add(codec.decode(ByteBuffer.wrap(withPrefix(body), 1, body.length), type));
        for (ByteBuf in : buffers()) {
            try {
                in.writeByte(0x77).writeBytes(body).readByte();
                int readerIndex = in.readerIndex();
                out.add(codec.decode(in, type));
                assertEquals(1, in.refCnt(), "decode must not retain or release");
                assertEquals(readerIndex, in.readerIndex(), "decode must not move the reader index");
            } finally {
                in.release();
            }
        }
        return out;
    }

    private static byte[] withPrefix(byte[] body) {
        byte[] b = new byte[body.length + 1];
        System.arraycopy(body, 0, b, 1, body.length);
        return b;
    }

    private static List<ByteBuf> buffers() {
        return List.of(Unpooled.buffer(1), Unpooled.directBuffer(1), PooledByteBufAllocator.DEFAULT.heapBuffer(1),
                PooledByteBufAllocator.DEFAULT.directBuffer(1));
    }
}
