package io.cellnet.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.MessageRegistry;
import io.cellnet.mesh.gateway.ClientClosedACK;
import io.cellnet.mesh.gateway.ClientID;
import io.cellnet.mesh.gateway.CloseClientACK;
import io.cellnet.mesh.gateway.MeshMessages;
import io.cellnet.mesh.gateway.RouteMode;
import io.cellnet.mesh.gateway.RouteTable;
import io.cellnet.mesh.gateway.TransmitACK;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
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
