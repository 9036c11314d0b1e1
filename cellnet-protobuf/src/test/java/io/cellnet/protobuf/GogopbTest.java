package io.cellnet.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.StringHash;
import io.cellnet.codec.CodecException;
import io.cellnet.codec.Codecs;
import io.cellnet.protobuf.testmsg.GogopbTestProto;
import io.cellnet.protobuf.testmsg.GogopbTestProto.ContentACK;
import io.cellnet.protobuf.testmsg.GogopbTestProto.TestEchoACK;
import io.cellnet.protobuf.testmsg.multi.PingREQ;
import io.cellnet.protobuf.testmsg.multi.PongACK;
import io.cellnet.protobuf.testmsg.nopkg.NoPackageProto;
import io.cellnet.protobuf.testmsg.nopkg.NoPackageProto.LoneMsg;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gogopb codec and Go's protoc-gen-msg ids, on messages generated at build time from
 * src/test/proto by protoc 4.x.
 */
class GogopbTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void goTestVectorContentAckIs60952() {
        assertEquals(60952, ProtobufMessages.goId("test", "ContentACK"));
        MessageRegistry registry = MessageRegistry.create();
        ProtobufMessages.registerFile(registry, GogopbTestProto.class);
        MessageMeta meta = registry.byType(ContentACK.class);
        assertEquals(60952, meta.id());
        assertEquals("test.ContentACK", meta.fullName());
        assertSame(GogopbCodec.INSTANCE, meta.codec());
    }

    @Test
    void everyTopLevelMessageIsRegisteredAndNestedOnesAreNot() {
        MessageRegistry registry = MessageRegistry.create();
        List<MessageMeta> metas = ProtobufMessages.registerFile(registry, GogopbTestProto.class);
        assertEquals(List.of(ContentACK.class, TestEchoACK.class), metas.stream().map(MessageMeta::type).toList());
        assertEquals(StringHash.hash("test.TestEchoACK"), registry.byType(TestEchoACK.class).id());
        assertNull(registry.byType(TestEchoACK.Inner.class));
    }

    @Test
    void anyMessageClassOfTheFileFindsTheFile() {
        MessageRegistry registry = MessageRegistry.create();
        assertEquals(2, ProtobufMessages.registerFile(registry, TestEchoACK.class).size());
        assertEquals(60952, registry.byType(ContentACK.class).id());
    }

    @Test
    void emptyPackageHashesDotName() {
        MessageRegistry registry = MessageRegistry.create();
        ProtobufMessages.registerFile(registry, NoPackageProto.class);
        MessageMeta meta = registry.byType(LoneMsg.class);
        assertEquals(StringHash.hash(".LoneMsg"), meta.id());
        assertTrue(meta.id() != StringHash.hash("LoneMsg"));
        assertEquals("LoneMsg", meta.fullName());
    }

    @Test
    void javaMultipleFilesWorks() {
        MessageRegistry registry = MessageRegistry.create();
        ProtobufMessages.registerFile(registry, PingREQ.class);
        assertEquals(StringHash.hash("multi.PingREQ"), registry.byType(PingREQ.class).id());
        assertEquals(StringHash.hash("multi.PongACK"), registry.byType(PongACK.class).id());
    }

    @Test
    void anIdCollisionFailsNamingBoth() {
        MessageRegistry registry = MessageRegistry.create();
        registry.register(MessageMeta.of(Taken.class, "other.Taken", 60952, GogopbCodec.INSTANCE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProtobufMessages.registerFile(registry, GogopbTestProto.class));
        assertTrue(e.getMessage().contains("test.ContentACK"), e.getMessage());
        assertTrue(e.getMessage().contains("other.Taken"), e.getMessage());
    }

    @Test
    void aClassThatIsNotGeneratedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProtobufMessages.registerFile(MessageRegistry.create(),
                Taken.class));
    }

    @Test
    void bytesArePlainProtobufAsGoMarshalsThem() {
        ContentACK ack = ContentACK.newBuilder().setMsg("hello").setValue(1234).build();
        // field 1 string "hello", field 2 varint 1234: what gogo/protobuf's Marshal writes
        assertEquals("0a0568656c6c6f10d209", HEX.formatHex(GogopbCodec.INSTANCE.encode(ack)));
        assertEquals(ack, GogopbCodec.INSTANCE.decode(HEX.parseHex("0a0568656c6c6f10d209"), ContentACK.class));
        assertArrayEquals(new byte[0], GogopbCodec.INSTANCE.encode(ContentACK.getDefaultInstance()));
    }

    @Test
    void roundTripWithNestedAndRepeatedFields() {
        TestEchoACK echo = TestEchoACK.newBuilder().setMsg("é").setValue(-2).addNumbers(1).addNumbers(-1)
                .setNested(TestEchoACK.Inner.newBuilder().setName("n")).build();
        assertEquals(echo, GogopbCodec.INSTANCE.decode(GogopbCodec.INSTANCE.encode(echo), TestEchoACK.class));
    }

    @Test
    void malformedBytesAreACodecException() {
        CodecException e = assertThrows(CodecException.class,
                () -> GogopbCodec.INSTANCE.decode(HEX.parseHex("0a05686568"), ContentACK.class));
        assertTrue(e.getMessage().contains("ContentACK"), e.getMessage());
    }

    @Test
    void otherObjectsAreACodecException() {
        assertThrows(CodecException.class, () -> GogopbCodec.INSTANCE.encode("text"));
        assertThrows(CodecException.class, () -> GogopbCodec.INSTANCE.decode(new byte[0], String.class));
    }

    @Test
    void theCodecIsFoundByGoName() {
        assertSame(GogopbCodec.INSTANCE, Codecs.get("gogopb"));
        assertEquals("application/x-protobuf", Codecs.get("gogopb").mimeType());
    }

    /** A class that is not protobuf. */
    static final class Taken {
    }
}
