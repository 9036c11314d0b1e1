package io.cellnet.netty.codec.protoplus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.netty.codec.CodecRobustnessProperties;
import io.cellnet.netty.codec.Envelopes.RelayACK;
import io.cellnet.netty.codec.Envelopes.RelayAckList;
import io.cellnet.netty.codec.Envelopes.RemoteCallACK;
import io.cellnet.netty.codec.Fuzz;
import io.cellnet.netty.codec.protoplus.ProtoplusEdgeCasesTest.Point;
import io.cellnet.netty.codec.protoplus.ProtoplusEdgeCasesTest.Scalars;
import io.cellnet.netty.codec.protoplus.ProtoplusEdgeCasesTest.Shape;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Robustness and round trips of the protoplus codec on generated input. */
class ProtoplusPropertiesTest extends CodecRobustnessProperties {
    private static final ProtoplusCodec CODEC = ProtoplusCodec.INSTANCE;

    ProtoplusPropertiesTest() {
        super(CODEC, RemoteCallACK.class, RelayACK.class, RelayAckList.class, Scalars.class, Shape.class);
    }

    @Override
    protected List<byte[]> validEncodings() {
        return List.of(CODEC.encode(new RemoteCallACK(4673, new byte[] {1, 2, 3}, -1)),
                CODEC.encode(new RelayACK(new byte[] {9}, 4673, new byte[] {8}, 1000, new long[] {-1, 2, 0}, "pass")),
                CODEC.encode(new Scalars(true, -1, -1, -1, -1, 1.5f, -2.25)),
                CODEC.encode(new Shape("sq", new Point(1, 2), List.of(new Point(0, 0), new Point(3, -1)),
                        List.of("a", ""))));
    }

    @Property(tries = 500)
    void scalarsRoundTrip(@ForAll boolean b, @ForAll int i32, @ForAll int u32, @ForAll long i64, @ForAll long u64,
            @ForAll float f, @ForAll double d) {
        Scalars v = new Scalars(b, i32, u32, i64, u64, f, d);
        // -0.0 is a zero value, omitted, and reads back as 0.0
        Scalars expected = new Scalars(b, i32, u32, i64, u64, f == 0 ? 0 : f, d == 0 ? 0 : d);
        assertEquals(expected, CODEC.decode(CODEC.encode(v), Scalars.class));
    }

    @Property(tries = 500)
    void relayAcksRoundTrip(@ForAll("relayAcks") RelayAckList message) {
        Fuzz.roundTripsStably(CODEC, message);
        RelayAckList back = CODEC.decode(CODEC.encode(message), RelayAckList.class);
        assertEquals(List.of(message.MsgID(), message.Int64(), message.Int64Slice(), message.Str()),
                List.of(back.MsgID(), back.Int64(), back.Int64Slice(), back.Str()));
    }

    @Property(tries = 300)
    void shapesRoundTrip(@ForAll("shapes") Shape message) {
        assertEquals(message, CODEC.decode(CODEC.encode(message), Shape.class));
    }

    @Provide
    Arbitrary<RelayAckList> relayAcks() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(10);
        return Combinators.combine(bytes, Arbitraries.integers(), bytes, Arbitraries.longs(),
                Arbitraries.longs().list().ofMaxSize(6), Fuzz.strings(10)).as(RelayAckList::new);
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<Point> point = Combinators.combine(Arbitraries.integers(), Arbitraries.integers()).as(Point::new);
        Arbitrary<Point> center = point.filter(p -> p.X() != 0 || p.Y() != 0).injectNull(0.3);
        return Combinators.combine(Fuzz.strings(8), center, point.list().ofMaxSize(4),
                Fuzz.strings(4).list().ofMaxSize(4)).as(Shape::new);
    }
}
