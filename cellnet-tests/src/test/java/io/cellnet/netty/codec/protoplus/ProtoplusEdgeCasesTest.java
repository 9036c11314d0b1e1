package io.cellnet.netty.codec.protoplus;

import static io.cellnet.netty.codec.Paths.decodeAll;
import static io.cellnet.netty.codec.Paths.encodeAll;
import static io.cellnet.netty.codec.Paths.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.Envelopes.RemoteCallACK;
import io.cellnet.netty.codec.Unsigned;
import io.cellnet.netty.internal.codec.WireReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** protoplus scalar rules, nesting, unknown fields and malformed input. */
class ProtoplusEdgeCasesTest {
    private static final ProtoplusCodec CODEC = ProtoplusCodec.INSTANCE;

    record Scalars(boolean B, int I32, @Unsigned int U32, long I64, @Unsigned long U64, float F, double D) {
    }

    record Point(int X, int Y) {
    }

    record Shape(String Name, Point Center, List<Point> Corners, List<String> Tags) {
    }

    record WithMap(Map<String, String> M) {
    }

    @ParameterizedTest
    @CsvSource({
        "true, 0, 0, 0, 0, 0, 0, 0101",
        "false, 1, 0, 0, 0, 0, 0, 0901",
        "false, 300, 0, 0, 0, 0, 0, 09ac02",
        "false, -1, 0, 0, 0, 0, 0, 0dffffffff",
        "false, 0, -1, 0, 0, 0, 0, 11ffffffff0f",
        "false, 0, 0, -2, 0, 0, 0, 1efeffffffffffffff",
        "false, 0, 0, 0, -1, 0, 0, 21ffffffffffffffffff01",
        "false, 0, 0, 0, 0, 1.5, 0, 2d0000c03f",
        "false, 0, 0, 0, 0, 0, -2.25, 3600000000000002c0",
        "false, 0, 0, 0, 0, -0.0, -0.0, ''",
    })
    void scalarRules(boolean b, int i32, int u32, long i64, long u64, float f, double d, String hex) {
        Scalars v = new Scalars(b, i32, u32, i64, u64, f, d);
        assertEquals(hex, hex(encodeAll(CODEC, v)));
        for (Scalars back : decodeAll(CODEC, hex(hex), Scalars.class)) {
            assertEquals(new Scalars(b, i32, u32, i64, u64, f == 0 ? 0 : f, d == 0 ? 0 : d), back);
        }
    }

    @Test
    void zigzagIsRead() {
        // field 1 (I32) zigzag32 of -3 = 5; field 3 (I64) zigzag64 of 2 = 4
        assertEquals(new Scalars(false, -3, 0, 2, 0, 0, 0), CODEC.decode(hex("0b05 1c04"), Scalars.class));
    }

    @Test
    void nestedMessagesAndLists() {
        Shape s = new Shape("sq", new Point(1, 2), List.of(new Point(0, 0), new Point(3, -1)), List.of("a", ""));
        String expected = "0202 7371 | 0a04 0101 0902 | 1200 | 1207 0103 0dffffffff | 1a01 61 | 1a00";
        assertEquals(expected.replaceAll("[ |]", ""), hex(encodeAll(CODEC, s)));
        for (Shape d : decodeAll(CODEC, hex(expected), Shape.class)) {
            assertEquals(s, d);
        }
        assertEquals("02027371", hex(CODEC.encode(new Shape("sq", new Point(0, 0), List.of(), List.of()))),
                "an empty nested message is omitted");
        Shape absent = CODEC.decode(hex("02027371"), Shape.class);
        assertNull(absent.Center());
        assertEquals(List.of(List.of(), List.of()), List.of(absent.Corners(), absent.Tags()));
    }

    @Test
    void unknownFieldsAreSkippedByWireType() {
        String unknown = "39 2a | 3a 03 010203 | 3b 05 | 3c 06 | 3d 01020304 | 3e 0102030405060708 | f907 01";
        RemoteCallACK d = CODEC.decode(hex(unknown + "01c124 | 0a01ab | 1101"), RemoteCallACK.class);
        assertEquals(List.of(4673, 1L), List.of(d.MsgID(), d.CallID()));
        assertArrayEquals(new byte[] {(byte) 0xAB}, d.Data());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "01",                               // tag without value
        "0a05 ab",                          // bytes longer than the body
        "0aff ffff ffff ff ffff ff7f",     // huge length
        "16 ffffff",                        // fixed64 cut short
        "00 01",                            // wire type 0
        "07 01",                            // wire type 7
        "0a 01 ab 3f",                      // unknown field with wire type 7
        "01 ffffffffffffffffffff01",        // varint longer than 64 bits
        "01 ff",                            // varint cut short
        "09 05",                            // bytes field sent as varint
    })
    void malformedInputIsACodecException(String body) {
        assertThrows(CodecException.class, () -> CODEC.decode(hex(body), RemoteCallACK.class));
    }

    @Test
    void deepNestingIsRefused() {
        record Deep(String A, Point B, List<Deep> C) {
        }
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < WireReader.MAX_DEPTH + 5; i++) {
            deep.insert(0, "12" + varintHex(deep.length() / 2));
        }
        CodecException e = assertThrows(CodecException.class, () -> CODEC.decode(hex(deep.toString()), Deep.class));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    private static String varintHex(int v) {
        return v < 128 ? String.format("%02x", v) : String.format("%02x%02x", (v & 0x7F) | 0x80, v >> 7);
    }

    @Test
    void unsupportedFieldTypeNamesTheField() {
        CodecException e = assertThrows(CodecException.class, () -> CODEC.encode(new WithMap(Map.of())));
        assertTrue(e.getMessage().contains(WithMap.class.getName() + ".M"), e.getMessage());
    }
}
