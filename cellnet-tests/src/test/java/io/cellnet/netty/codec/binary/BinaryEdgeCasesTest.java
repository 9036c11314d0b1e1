package io.cellnet.netty.codec.binary;


import static io.cellnet.netty.codec.Paths.decodeAll;
import static io.cellnet.netty.codec.Paths.encodeAll;
import static io.cellnet.netty.codec.Paths.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.GoMessages.Composite;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.GoMessages.EchoAckClass;
import io.cellnet.netty.codec.GoMessages.Named;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The binary codec's decoding edge cases (reference §2.3, §4.1) and its refusals. */
class BinaryEdgeCasesTest {
    private static final BinaryCodec CODEC = BinaryCodec.INSTANCE;

    record Flag(boolean On) {
    }

    record Nested(List<List<Integer>> Grid, String[] Names, List<byte[]> Blobs, Named[] Ns) {
    }

    record Tree(String Name, List<Tree> Kids) {
    }

    record Loop(int A, Loop Next) {
    }

    record WithMap(int A, Map<String, Integer> M) {
    }

    record WithBox(Integer A) {
    }

    enum Color { RED }

    record WithEnum(Color C) {
    }

    static class Base {
        int First;
        static int ignoredStatic;
    }

    static final class Derived extends Base {
        transient int ignoredTransient;
        short Second;
    }

    static final class FinalField {
        private final int A;

        private FinalField() {
            A = -1;
        }
    }

    static final class NoDefaultConstructor {
        int A;

        NoDefaultConstructor(int a) {
            this.A = a;
        }
    }

    @Test
    void emptyBodyDecodesToZeroValues() {
        for (EchoAck d : decodeAll(CODEC, new byte[0], EchoAck.class)) {
            assertEquals(new EchoAck("", 0), d);
        }
        assertEquals("", CODEC.decode(new byte[0], EchoAckClass.class).Msg);
        Composite c = CODEC.decode(new byte[0], Composite.class);
        assertEquals(new Named("", (short) 0), c.N());
        assertArrayEquals(new byte[0], c.Bytes());
        assertArrayEquals(new int[0], c.I32s());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "05",                       // half a length
        "0500 6865",                // string length larger than the body
        "ffff 68656c6c6f d2040000", // 65535-byte string, 9 bytes left
        "0500 68656c6c6f d204",     // int32 cut short
        "0000",                     // no int32 at all
    })
    void shortInputIsOutOfData(String body) {
        CodecException e = assertThrows(CodecException.class, () -> CODEC.decode(hex(body), EchoAck.class));
        assertTrue(e.getMessage().contains("out of data"), e.getMessage());
    }

    @Test
    void trailingBytesAreIgnored() {
        for (EchoAck d : decodeAll(CODEC, hex("0500 68656c6c6f d2040000 ffff00"), EchoAck.class)) {
            assertEquals(new EchoAck("hello", 1234), d);
        }
    }

    @Test
    void anyNonZeroByteIsTrue() {
        assertEquals(new Flag(true), CODEC.decode(hex("02"), Flag.class));
        assertEquals(new Flag(false), CODEC.decode(hex("00"), Flag.class));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacter() {
        assertEquals("x\ufffdy", CODEC.decode(hex("0300 78ff79 00000000"), EchoAck.class).Msg());
    }

    @Test
    void loneSurrogateIsWrittenAsQuestionMark() {
        assertEquals("0300 613f62 00000000".replace(" ", ""), hex(encodeAll(CODEC, new EchoAck("a\ud800b", 0))));
    }

    @Test
    void privateConstructorsAndFinalFieldsWork() {
        assertEquals(5, CODEC.decode(hex("05000000"), FinalField.class).A);
        assertEquals("ffffffff", hex(CODEC.encode(CODEC.decode(hex("ffffffff"), FinalField.class))));
    }

    @Test
    void nullsEncodeAsGoZeroValues() {
        assertEquals("000000000000", hex(encodeAll(CODEC, new EchoAck(null, 0))));
        Composite c = new Composite(null, null, null, null, false, 0, (byte) 0, (short) 0);
        assertEquals("0000" + "0000" + "0000" + "00000000" + "00" + "00000000" + "00" + "0000",
                hex(encodeAll(CODEC, c)));
    }

    @Test
    void nestedContainersRoundTrip() {
        Nested v = new Nested(List.of(List.of(1, -2), List.of()), new String[] {"a", ""}, List.of(new byte[] {5}),
                new Named[] {new Named("n", (short) -1)});
        byte[] bytes = encodeAll(CODEC, v);
        assertEquals("0200 0200 01000000 feffffff 0000 | 0200 0100 61 0000 | 0100 0100 05 | 0100 0100 6e ffff"
                .replaceAll("[ |]", ""), hex(bytes));
        for (Nested d : decodeAll(CODEC, bytes, Nested.class)) {
            assertEquals(v.Grid(), d.Grid());
            assertArrayEquals(v.Names(), d.Names());
            assertArrayEquals(v.Blobs().get(0), d.Blobs().get(0));
            assertArrayEquals(v.Ns(), d.Ns());
        }
    }

    @Test
    void aTypeMayContainAListOfItself() {
        Tree t = new Tree("root", List.of(new Tree("leaf", List.of())));
        assertEquals(t, CODEC.decode(CODEC.encode(t), Tree.class));
    }

    @Test
    void superclassFieldsComeFirstAndStaticOrTransientAreSkipped() {
        Derived d = new Derived();
        d.First = 1;
        d.Second = 2;
        d.ignoredTransient = 3;
        assertEquals("010000000200", hex(encodeAll(CODEC, d)));
        Derived back = CODEC.decode(hex("010000000200"), Derived.class);
        assertEquals(List.of(1, (short) 2, 0), List.of(back.First, back.Second, back.ignoredTransient));
    }

    @Test
    void overLongValuesAreRefusedNotWrapped() {
        String max = "x".repeat(65535);
        assertEquals(65535 + 6, CODEC.encode(new EchoAck(max, 1)).length);
        CodecException e = assertThrows(CodecException.class, () -> CODEC.encode(new EchoAck(max + "x", 1)));
        assertTrue(e.getMessage().contains("65536"), e.getMessage());
        assertThrows(CodecException.class, () -> CODEC.encode(new EchoAck("é".repeat(32768), 1)));
        assertThrows(CodecException.class, () -> CODEC.encode(
                new Composite("", new byte[65536], new int[0], null, false, 0, (byte) 0, (short) 0)));
        assertThrows(CodecException.class, () -> CODEC.encode(
                new Composite("", new byte[0], new int[65536], null, false, 0, (byte) 0, (short) 0)));
    }

    @Test
    void unsupportedTypesFailNamingClassAndField() {
        assertUnsupported(new WithMap(1, Map.of()), WithMap.class, "M");
        assertUnsupported(new WithBox(1), WithBox.class, "A");
        assertUnsupported(new WithEnum(Color.RED), WithEnum.class, "C");
    }

    private static void assertUnsupported(Object message, Class<?> type, String field) {
        String expected = type.getName() + "." + field;
        CodecException e = assertThrows(CodecException.class, () -> CODEC.encode(message));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        e = assertThrows(CodecException.class, () -> CODEC.decode(new byte[8], type));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void structuralProblemsAreExplained() {
        CodecException e = assertThrows(CodecException.class, () -> CODEC.encode(new Loop(1, null)));
        assertTrue(e.getMessage().contains("contains itself"), e.getMessage());
        e = assertThrows(CodecException.class, () -> CODEC.decode(new byte[4], NoDefaultConstructor.class));
        assertTrue(e.getMessage().contains("no-argument constructor"), e.getMessage());
    }
}
