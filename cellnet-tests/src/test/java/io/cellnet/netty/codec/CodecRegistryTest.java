package io.cellnet.netty.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.MessageMeta;
import io.cellnet.codec.Codecs;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The codecs are found by name through {@link java.util.ServiceLoader}. */
public class CodecRegistryTest {

    @Test
    void codecsAreRegisteredByName() {
        assertSame(JsonCodec.INSTANCE, Codecs.get("json"));
        assertSame(BinaryCodec.INSTANCE, Codecs.get("binary"));
        assertSame(ProtoplusCodec.INSTANCE, Codecs.get("protoplus"));
        assertTrue(Codecs.names().containsAll(Set.of("json", "binary", "protoplus")));
    }

    @Test
    void namesAndMimeTypes() {
        assertEquals("application/json", Codecs.get("json").mimeType());
        assertEquals("application/binary", Codecs.get("binary").mimeType());
        assertEquals("application/binary", Codecs.get("protoplus").mimeType(), "Go uses the same MIME type");
        assertEquals("protoplus", Codecs.get("protoplus").name());
    }

    @Test
    void goFullNameGivesGoId() {
        MessageMeta meta = MessageMeta.of(EchoAck.class, "main.TestEchoACK", Codecs.get("json"));
        assertEquals(4673, meta.id());
    }
}
