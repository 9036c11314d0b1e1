package io.cellnet.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A message class its codec cannot carry (a {@code Map} field with {@code binary}, which Go's binary
 * codec has no encoding for) is refused where it is registered, naming the class, the field and the
 * codec, instead of failing at its first send.
 */
class CodecCheckAtRegistrationTest {
    /** A message with a field binary cannot encode. */
    public record Inventory(String owner, Map<String, Integer> items) {
    }

    @Test
    void aMapFieldWithBinaryIsRefusedAtRegistrationNamingClassFieldAndCodec() {
        MessageRegistry registry = MessageRegistry.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.register(MessageMeta.of(Inventory.class, "game.Inventory", BinaryCodec.INSTANCE)));
        assertEquals("cannot register game.Inventory (" + Inventory.class.getName() + "): the binary codec cannot"
                + " encode it: " + e.getCause().getMessage(), e.getMessage());
        assertInstanceOf(CodecException.class, e.getCause());
        String cause = e.getCause().getMessage();
        org.junit.jupiter.api.Assertions.assertTrue(cause.contains("java.util.Map<java.lang.String, java.lang.Integer>")
                && cause.contains("items"), cause);
        assertNull(registry.byType(Inventory.class), "nothing was registered");
        assertNull(registry.byFullName("game.Inventory"));
    }

    @Test
    void protoplusIsCheckedTooAndJsonWhichEncodesMapsIsNot() {
        MessageRegistry registry = MessageRegistry.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.register(MessageMeta.of(Inventory.class, "game.Inventory", ProtoplusCodec.INSTANCE)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("cannot register game.Inventory ("
                + Inventory.class.getName() + "): the protoplus codec cannot encode it: "), e.getMessage());
        registry.register(MessageMeta.of(Inventory.class, "game.Inventory", JsonCodec.INSTANCE));
    }
}
