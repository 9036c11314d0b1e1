package io.cellnet.netty.codec.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.netty.codec.CodecRobustnessProperties;
import io.cellnet.netty.codec.Fuzz;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.GoMessages.Named;
import io.cellnet.netty.codec.json.JsonCodecTest.GoReal;
import io.cellnet.netty.codec.json.JsonCodecTest.Inner;
import io.cellnet.netty.codec.json.JsonCodecTest.Unsigneds;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Robustness and round trips of the json codec on generated input. */
class JsonPropertiesTest extends CodecRobustnessProperties {
    private static final JsonCodec CODEC = JsonCodec.INSTANCE;

    JsonPropertiesTest() {
        super(CODEC, EchoAck.class, GoReal.class, Unsigneds.class, Named.class);
    }

    @Override
    protected List<byte[]> validEncodings() {
        return List.of(CODEC.encode(new EchoAck("hello <&> é", 1234)),
                CODEC.encode(new GoReal("né\u0001", new byte[] {1, 2, 3}, new int[] {4}, 0.1f, 1e21, Long.MAX_VALUE,
                        -1L, "<a&b>", new Inner("s", 2), null)),
                CODEC.encode(new Unsigneds((byte) -1, (short) 2, 'c', -4, -5L)),
                "{\"msg\":\"x\",\"VALUE\":7,\"Extra\":[1,{\"a\":null}]}".getBytes(UTF_8));
    }

    @Property(tries = 500)
    void echoAcksRoundTrip(@ForAll("echoAcks") EchoAck message) {
        assertEquals(message, CODEC.decode(CODEC.encode(message), EchoAck.class));
    }

    @Property(tries = 500)
    void numbersRoundTrip(@ForAll byte u8, @ForAll short u16, @ForAll char c, @ForAll int u32, @ForAll long u64) {
        Unsigneds v = new Unsigneds(u8, u16, c, u32, u64);
        assertEquals(v, CODEC.decode(CODEC.encode(v), Unsigneds.class));
    }

    @Property(tries = 500)
    void goRealRoundTrips(@ForAll("goReals") GoReal message) {
        Fuzz.roundTripsStably(CODEC, message);
    }

    @Provide
    Arbitrary<EchoAck> echoAcks() {
        return Combinators.combine(Fuzz.strings(40), Arbitraries.integers()).as(EchoAck::new);
    }

    @Provide
    Arbitrary<GoReal> goReals() {
        Arbitrary<Inner> inner = Combinators.combine(Fuzz.strings(5), Arbitraries.integers()).as(Inner::new);
        Arbitrary<Float> floats = Arbitraries.floats().filter(f -> Float.isFinite(f));
        Arbitrary<Double> doubles = Arbitraries.doubles().filter(d -> Double.isFinite(d));
        Arbitrary<Object[]> head = Combinators.combine(Fuzz.strings(10),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8),
                Arbitraries.integers().array(int[].class).ofMaxSize(4).injectNull(0.3), floats, doubles)
                .as((a, b, c, d, e) -> new Object[] {a, b, c, d, e});
        Arbitrary<Object[]> tail = Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Fuzz.strings(10),
                inner, inner.injectNull(0.5)).as((a, b, c, d, e) -> new Object[] {a, b, c, d, e});
        return Combinators.combine(head, tail).as((h, t) -> new GoReal((String) h[0], (byte[]) h[1], (int[]) h[2],
                (Float) h[3], (Double) h[4], (Long) t[0], (Long) t[1], (String) t[2], (Inner) t[3], (Inner) t[4]));
    }
}
