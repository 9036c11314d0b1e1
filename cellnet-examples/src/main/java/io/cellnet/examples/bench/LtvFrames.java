package io.cellnet.examples.bench;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Go's {@code tcp.ltv} frames made with the public API, for load generators that write frames
 * themselves: {@code [size u16 LE][msgid u16 LE][body]}, where {@code size} counts the msgid and
 * the body, and the body is the message encoded with the codec it is registered with.
 *
 * <p>Thread safety: stateless.
 */
public final class LtvFrames {
    private static final int MAX_SIZE = 0xFFFF;

    private LtvFrames() {
    }

    /**
     * The frame of {@code message}.
     *
     * @throws IllegalArgumentException when the message is not registered or its frame is too large
     */
    public static byte[] encode(Object message, MessageRegistry registry) {
        MessageMeta meta = registry.byMessage(message);
        if (meta == null) {
            throw new IllegalArgumentException(message.getClass().getName() + " is not registered");
        }
        byte[] body = meta.codec().encode(message);
        int size = 2 + body.length;
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("frame of " + meta.fullName() + " too large: " + size + " bytes");
        }
        return ByteBuffer.allocate(2 + size).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) size).putShort((short) meta.id()).put(body).array();
    }
}
