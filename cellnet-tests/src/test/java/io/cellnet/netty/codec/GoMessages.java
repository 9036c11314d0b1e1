package io.cellnet.netty.codec;

import java.util.List;

/**
 * Java shapes of the Go test structs whose encodings the reference captured. Field names are the
 * Go names, so the json codec writes the same keys.
 */
public final class GoMessages {
    private GoMessages() {
    }

    /** {@code main.TestEchoACK{Msg string; Value int32}}. */
    public record EchoAck(String Msg, int Value) {
    }

    /** The same message as a plain class with a no-argument constructor. */
    public static final class EchoAckClass {
        public String Msg = "";
        public int Value;

        EchoAckClass() {
        }

        public EchoAckClass(String msg, int value) {
            this.Msg = msg;
            this.Value = value;
        }
    }

    /**
     * {@code AllScalars{bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32,
     * float64}}; uint16 is a Java {@code char}.
     */
    public record AllScalars(boolean B, byte I8, @Unsigned byte U8, short I16, char U16, int I32, @Unsigned int U32,
            long I64, @Unsigned long U64, float F32, double F64) {
    }

    /** {@code N{S string; V int16}}. */
    public record Named(String S, short V) {
    }

    /**
     * Go's {@code Composite}. Go's {@code Skip int32 `binary:"-"`} still writes four zero bytes, so
     * it is a plain {@code int} kept at 0 here; Go's unexported {@code hidden int16} is an ordinary
     * Java field, encoded and (unlike Go, which panics) decoded.
     */
    public record Composite(String S, byte[] Bytes, int[] I32s, Named N, boolean Flag, int Skip, @Unsigned byte Tail,
            short hidden) {
    }

    /** {@code Inner{A int32; B int8}}. */
    public record Inner(int A, byte B) {
    }

    /** Go's padded-slice example {@code {S string; L []Inner; N Named; Bs []byte}}. */
    public record Padded(String S, List<Inner> L, Named N, byte[] Bs) {
    }
}
