package io.cellnet.netty.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.netty.codec.CodecRobustnessProperties;
import io.cellnet.netty.codec.Fuzz;
import io.cellnet.netty.codec.GoMessages.AllScalars;
import io.cellnet.netty.codec.GoMessages.Composite;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.GoMessages.Inner;
import io.cellnet.netty.codec.GoMessages.Named;
import io.cellnet.netty.codec.GoMessages.Padded;
import io.cellnet.netty.codec.binary.BinaryEdgeCasesTest.Nested;
import io.cellnet.netty.codec.binary.BinaryEdgeCasesTest.Tree;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Robustness and round trips of the binary codec on generated input. */
class BinaryPropertiesTest extends CodecRobustnessProperties {
    private static final BinaryCodec CODEC = BinaryCodec.INSTANCE;

    BinaryPropertiesTest() {
        super(CODEC, EchoAck.class, AllScalars.class, Composite.class, Padded.class, Nested.class, Tree.class);
    }

    @Override
    protected List<byte[]> validEncodings() {
        return List.of(CODEC.encode(new EchoAck("hello", 1234)),
                CODEC.encode(new Composite("ab", new byte[] {9, 8}, new int[] {1, -1}, new Named("xy", (short) 7), true,
                        0, (byte) 0xAA, (short) 5)),
                CODEC.encode(new Padded("z", List.of(new Inner(1, (byte) 2)), new Named("k", (short) 3),
                        new byte[] {7})),
                CODEC.encode(new Tree("a", List.of(new Tree("b", List.of()), new Tree("c", List.of())))));
    }

    @Property(tries = 500)
    void echoAcksRoundTrip(@ForAll("echoAcks") EchoAck message) {
        assertEquals(message, CODEC.decode(CODEC.encode(message), EchoAck.class));
    }

    @Property(tries = 500)
    void scalarsRoundTrip(@ForAll boolean b, @ForAll byte i8, @ForAll short i16, @ForAll char u16, @ForAll int i32,
            @ForAll long i64, @ForAll float f32, @ForAll double f64) {
        AllScalars v = new AllScalars(b, i8, i8, i16, u16, i32, i32, i64, i64, f32, f64);
        assertEquals(v, CODEC.decode(CODEC.encode(v), AllScalars.class));
    }

    @Property(tries = 500)
    void compositesRoundTrip(@ForAll("composites") Composite message) {
        Fuzz.roundTripsStably(CODEC, message);
    }

    @Property(tries = 300)
    void paddedRoundTrip(@ForAll("padded") Padded message) {
        Fuzz.roundTripsStably(CODEC, message);
        assertEquals(message.L(), CODEC.decode(CODEC.encode(message), Padded.class).L());
    }

    @Provide
    Arbitrary<EchoAck> echoAcks() {
        return Combinators.combine(Fuzz.strings(40), Arbitraries.integers()).as(EchoAck::new);
    }

    @Provide
    Arbitrary<Composite> composites() {
        return Combinators.combine(Fuzz.strings(10), Arbitraries.bytes().array(byte[].class).ofMaxSize(10),
                Arbitraries.integers().array(int[].class).ofMaxSize(10), named(), Arbitraries.of(true, false),
                Arbitraries.integers(), Arbitraries.bytes(), Arbitraries.shorts()).as(Composite::new);
    }

    @Provide
    Arbitrary<Padded> padded() {
        Arbitrary<Inner> inner = Combinators.combine(Arbitraries.integers(), Arbitraries.bytes()).as(Inner::new);
        return Combinators.combine(Fuzz.strings(5), inner.list().ofMaxSize(5), named(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(5)).as(Padded::new);
    }

    private static Arbitrary<Named> named() {
        return Combinators.combine(Fuzz.strings(5), Arbitraries.shorts()).as(Named::new);
    }
}
