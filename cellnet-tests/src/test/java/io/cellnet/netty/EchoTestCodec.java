package io.cellnet.netty;

import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written codec for {@link TestEchoAck} in goobjfmt's binary layout (u16 length + UTF-8,
 * int32 LE). It exercises the byte-array path of transmitters (it is not a ByteBufCodec).
 */
public final class EchoTestCodec implements Codec {
    public static final EchoTestCodec INSTANCE = new EchoTestCodec();

    @Override
    public String name() {
        return "echo-test";
    }

    @Override
    public String mimeType() {
        return "application/binary";
    }

    @Override
    public byte[] encode(Object message) {
        TestEchoAck m = (TestEchoAck) message;
        byte[] s = m.Msg().getBytes(StandardCharsets.UTF_8);
        if (s.length > 0xFFFF) {
            throw new CodecException("string too long: " + s.length);
        }
        return ByteBuffer.allocate(2 + s.length + 4).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) s.length).put(s).putInt(m.Value()).array();
    }

    @Override
    public <T> T decode(ByteBuffer data, Class<T> type) {
        try {
            ByteBuffer b = data.slice().order(ByteOrder.LITTLE_ENDIAN);
            byte[] s = new byte[b.getShort() & 0xFFFF];
            b.get(s);
            return type.cast(new TestEchoAck(new String(s, StandardCharsets.UTF_8), b.getInt()));
        } catch (BufferUnderflowException e) {
            throw new CodecException("out of data");
        }
    }
}
