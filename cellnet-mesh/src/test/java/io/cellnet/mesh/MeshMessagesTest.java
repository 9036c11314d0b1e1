package io.cellnet.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.MessageRegistry;
import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import io.cellnet.mesh.gateway.ClientClosedACK;
import io.cellnet.mesh.gateway.ClientID;
import io.cellnet.mesh.gateway.CloseClientACK;
import io.cellnet.mesh.gateway.MeshMessages;
import io.cellnet.mesh.gateway.RouteMode;
import io.cellnet.mesh.gateway.RouteTable;
import io.cellnet.mesh.gateway.TransmitACK;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gateway's messages carry cellmesh's ids and round-trip; the route table's text form. */
class MeshMessagesTest {

    @Test
    void cellmeshIds() {
        MessageRegistry r = MeshMessages.register(MessageRegistry.create());
        assertEquals(9941, r.byType(TransmitACK.class).id());
        assertEquals(50844, r.byType(ClientClosedACK.class).id());
        assertEquals(58040, r.byType(CloseClientACK.class).id());
        assertEquals("proto.TransmitACK", r.byType(TransmitACK.class).fullName());
        MeshMessages.register(r); // again: a no-op
    }

    @Test
    void envelopesRoundTrip() {
        TransmitACK t = new TransmitACK(4673, new byte[] {1, 2, 3}, 7, new long[] {1, 2}, true);
        TransmitACK back = ProtoplusCodec.INSTANCE.decode(ProtoplusCodec.INSTANCE.encode(t), TransmitACK.class);
        assertEquals(t, back);
        assertArrayEquals(new byte[] {1, 2, 3}, back.MsgData());
        ClientClosedACK c = new ClientClosedACK(new ClientID(9, "gateway#0@dev"));
        assertEquals(c, ProtoplusCodec.INSTANCE.decode(ProtoplusCodec.INSTANCE.encode(c), ClientClosedACK.class));
    }

    /** TransmitACK's hand-written codec writes protoplus's bytes and reads what protoplus reads. */
    @Test
    void transmitCodecMatchesProtoplus() {
        Codec fast = MeshMessages.register(MessageRegistry.create()).byType(TransmitACK.class).codec();
        List<TransmitACK> samples = List.of(
                new TransmitACK(0, new byte[0], 0, new long[0], false),
                new TransmitACK(4673, new byte[] {1, 2, 3}, 7, new long[0], false),
                new TransmitACK(0xFFFF, new byte[300], 1L << 40, new long[] {0, 1, 300, Long.MAX_VALUE}, true),
                new TransmitACK(-1, new byte[] {9}, -5, new long[] {-1, 2}, false),
                new TransmitACK(1, new byte[] {0}, Long.MIN_VALUE, new long[] {Long.MIN_VALUE}, true));
        for (TransmitACK t : samples) {
            byte[] expected = ProtoplusCodec.INSTANCE.encode(t);
            assertArrayEquals(expected, fast.encode(t), t.toString());
            assertEquals(t, fast.decode(ByteBuffer.wrap(expected), TransmitACK.class), t.toString());
        }
        // what the fast path does not read itself (an unknown field, a zigzag ClientID, an unpacked
        // list entry) goes to protoplus, which skips or reads it
        TransmitACK plain = new TransmitACK(4673, new byte[] {1, 2}, 7, new long[0], false);
        byte[] withUnknown = concat(ProtoplusCodec.INSTANCE.encode(plain), new byte[] {(byte) 0x29, 5});
        assertEquals(plain, fast.decode(ByteBuffer.wrap(withUnknown), TransmitACK.class));
        assertEquals(ProtoplusCodec.INSTANCE.decode(ByteBuffer.wrap(withUnknown), TransmitACK.class),
                fast.decode(ByteBuffer.wrap(withUnknown), TransmitACK.class));
        byte[] zigzag = {0x01, 0x02, 0x14, 0x0D}; // MsgID 2, ClientID zigzag64 13 = -7
        assertEquals(ProtoplusCodec.INSTANCE.decode(ByteBuffer.wrap(zigzag), TransmitACK.class),
                fast.decode(ByteBuffer.wrap(zigzag), TransmitACK.class));
        // truncated input fails as protoplus fails: a CodecException, never a partial message
        byte[] truncated = Arrays.copyOf(ProtoplusCodec.INSTANCE.encode(plain), 4);
        assertThrows(CodecException.class, () -> ProtoplusCodec.INSTANCE.decode(ByteBuffer.wrap(truncated), TransmitACK.class));
        assertThrows(CodecException.class, () -> fast.decode(ByteBuffer.wrap(truncated), TransmitACK.class));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void routeTableTextFormRoundTripsAndRefusesDuplicates() {
        RouteTable t = RouteTable.parse("# routes\ntest.HelloREQ game\n4673 chat notify  # by id\n\n");
        assertEquals(RouteMode.REQUEST, t.route(TestMessages.id(TestMessages.HelloREQ.class)).mode());
        assertEquals("chat", t.route(4673).service());
        assertEquals(RouteMode.NOTIFY, t.route(4673).mode());
        assertNull(t.route(1));
        assertEquals(Set.of("chat", "game"), t.services());
        assertEquals(t.rules(), RouteTable.parse(t.format()).rules());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> RouteTable.parse("4673 game\n4673 chat\n"));
        assertTrue(dup.getMessage().contains("line 2"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RouteTable.parse("4673 game sometimes"));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.parse("4673 ga.me"));
    }
}
