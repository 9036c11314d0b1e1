package io.cellnet.netty.codec.binary;


import static io.cellnet.netty.codec.Paths.decodeAll;
import static io.cellnet.netty.codec.Paths.encodeAll;
import static io.cellnet.netty.codec.Paths.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.netty.codec.GoMessages.AllScalars;
import io.cellnet.netty.codec.GoMessages.Composite;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.GoMessages.EchoAckClass;
import io.cellnet.netty.codec.GoMessages.Inner;
import io.cellnet.netty.codec.GoMessages.Named;
import io.cellnet.netty.codec.GoMessages.Padded;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden vectors of the binary codec, captured from Go's goobjfmt (reference §2.2, §4.1). */
class BinaryCodecTest {
    private static final BinaryCodec CODEC = BinaryCodec.INSTANCE;

    @ParameterizedTest
    @CsvSource({
        "hello, 1234, 0500 68656c6c6f d2040000",
        "'', 0, 0000 00000000",
        "é, -2, 0200c3a9 feffffff",
    })
    void echoAckMatchesGo(String msg, int value, String hex) {
        byte[] golden = hex(hex);
        assertArrayEquals(golden, encodeAll(CODEC, new EchoAck(msg, value)));
        for (EchoAck decoded : decodeAll(CODEC, golden, EchoAck.class)) {
            assertEquals(new EchoAck(msg, value), decoded);
        }
        assertArrayEquals(golden, encodeAll(CODEC, new EchoAckClass(msg, value)));
        for (EchoAckClass decoded : decodeAll(CODEC, golden, EchoAckClass.class)) {
            assertEquals(msg, decoded.Msg);
            assertEquals(value, decoded.Value);
        }
    }

    @Test
    void allScalarsMatchGo() {
        AllScalars v = new AllScalars(true, (byte) -1, (byte) 255, (short) -2, (char) 0xBEEF, -3, 0xDEADBEEF, -4,
                0x0102030405060708L, 1.5f, -2.25);
        byte[] golden = hex("01 ff ff feff efbe fdffffff efbeadde fcffffffffffffff 0807060504030201 0000c03f"
                + " 00000000000002c0");
        assertArrayEquals(golden, encodeAll(CODEC, v));
        for (AllScalars decoded : decodeAll(CODEC, golden, AllScalars.class)) {
            assertEquals(v, decoded);
        }
    }

    @Test
    void compositeMatchesGo() {
        Composite v = new Composite("ab", new byte[] {9, 8}, new int[] {1, -1}, new Named("xy", (short) 7), true, 0,
                (byte) 0xAA, (short) 5);
        byte[] golden = hex("0200 6162 | 0200 0908 | 0200 01000000 ffffffff | 0200 7879 0700 | 01 | 00000000 | aa"
                + " | 0500");
        assertArrayEquals(golden, encodeAll(CODEC, v));
        for (Composite d : decodeAll(CODEC, golden, Composite.class)) {
            assertEquals("ab", d.S());
            assertArrayEquals(new byte[] {9, 8}, d.Bytes());
            assertArrayEquals(new int[] {1, -1}, d.I32s());
            assertEquals(new Named("xy", (short) 7), d.N());
            assertEquals(List.of(true, 0, (byte) 0xAA, (short) 5), List.of(d.Flag(), d.Skip(), d.Tail(), d.hidden()));
        }
    }

    @Test
    void decodesGoPaddingAndEncodesWithout() {
        byte[] fromGo = hex("0100 7a | 0100 01000000 02 | 0100 6b 0300 | 0100 07 | 000000");
        for (Padded d : decodeAll(CODEC, fromGo, Padded.class)) {
            assertEquals("z", d.S());
            assertEquals(List.of(new Inner(1, (byte) 2)), d.L());
            assertEquals(new Named("k", (short) 3), d.N());
            assertArrayEquals(new byte[] {7}, d.Bs());
        }
        Padded v = new Padded("z", List.of(new Inner(1, (byte) 2)), new Named("k", (short) 3), new byte[] {7});
        assertEquals(hex(fromGo).substring(0, hex(fromGo).length() - 6), hex(encodeAll(CODEC, v)));
    }
}
