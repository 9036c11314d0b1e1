package io.cellnet.netty;

import static io.cellnet.netty.GoFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.FrameException;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.RawPacket;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import io.cellnet.netty.internal.wire.BuiltinMessages;
import io.cellnet.netty.internal.wire.PacketCodec;
import io.cellnet.netty.internal.wire.Payloads;
import io.cellnet.netty.internal.wire.RelayACK;
import io.cellnet.netty.internal.wire.RemoteCallACK;
import io.cellnet.netty.internal.wire.RemoteCallREQ;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RPC and relay envelopes are known to every registry without registration, a registry's own
 * registration wins, and truncated envelopes are {@link CodecException}s naming the envelope.
 */
class BuiltinMessagesTest {

    @Test
    void freshRegistriesKnowTheEnvelopesUnderGosIds() {
        MessageRegistry fresh = MessageRegistry.create();
        assertNull(fresh.byId(58645), "nothing is registered");
        assertEquals("rpc.RemoteCallREQ", BuiltinMessages.byId(fresh, 58645).fullName());
        assertEquals("rpc.RemoteCallACK", BuiltinMessages.byId(fresh, 20476).fullName());
        assertEquals("relay.RelayACK", BuiltinMessages.byFullName(fresh, "relay.RelayACK").fullName());
        assertSame(BuiltinMessages.RELAY_ACK, BuiltinMessages.byMessage(fresh, relay(new byte[0])));
        BuiltinMessages.all().forEach(m -> assertSame(ProtoplusCodec.INSTANCE, m.codec()));
        assertEquals(List.of(58645, 20476, 45545), BuiltinMessages.all().stream().map(MessageMeta::id).toList());
        assertEquals(List.of(RemoteCallREQ.class, RemoteCallACK.class, RelayACK.class),
                BuiltinMessages.all().stream().map(MessageMeta::type).toList());
    }

    @Test
    void aRegistrysOwnRegistrationWins() {
        MessageRegistry own = MessageRegistry.create();
        MessageMeta mine = own.register(MessageMeta.of(MyReq.class, "rpc.RemoteCallREQ", 58645, JsonCodec.INSTANCE));
        assertSame(mine, BuiltinMessages.byId(own, 58645));
        byte[] json = "{\"CallID\":3}".getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(MyReq.class, Payloads.decode(own, 58645, json));
    }

    @Test
    void payloadsRoundTripWithTheRegisteredCodec() {
        MessageRegistry r = NetFixtures.registry(JsonCodec.INSTANCE);
        RawPacket p = Payloads.encode(r, new TestEchoAck("hello", 1234));
        assertEquals(4673, p.msgId());
        assertEquals(GoFrames.ECHO_JSON, GoFrames.hex(p.msgData()));
        assertEquals(new TestEchoAck("hello", 1234), Payloads.decode(r, 4673, p.msgData()));
        assertThrows(CodecException.class, () -> Payloads.encode(r, new MyReq()));
        assertThrows(FrameException.class, () -> Payloads.decode(r, 1, new byte[0]));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "rpc.RemoteCallREQ, 58645, 01 c1",
        "rpc.RemoteCallREQ, 58645, 01 c124 0a 1c 7b22",
        "rpc.RemoteCallACK, 20476, 01 c124 0a 0b 0500 | 11",
        "rpc.RemoteCallACK, 20476, 16 ffffffff",
        "relay.RelayACK,    45545, 02 1c 7b22",
        "relay.RelayACK,    45545, 22 0c ffffffffffffffffff01 02",
        "relay.RelayACK,    45545, 2a 0b 7061737374",
        "relay.RelayACK,    45545, 1e fbffff",
    })
    void truncatedEnvelopesAreCodecErrorsNamingTheEnvelope(String name, int id, String body) {
        CodecException e = assertThrows(CodecException.class,
                () -> PacketCodec.decode(MessageRegistry.create(), id, Unpooled.wrappedBuffer(bytes(body))));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void unknownIdsAreFrameErrorsUnlessTheRegistryDeliversThemRaw() {
        MessageRegistry registry = MessageRegistry.create();
        assertThrows(FrameException.class, () -> PacketCodec.decode(registry, 4242, Unpooled.wrappedBuffer(new byte[] {7})));
        assertSame(registry, registry.deliverUnknownAsRaw(true));
        assertTrue(registry.deliversUnknownAsRaw());
        assertEquals(new RawPacket(4242, new byte[] {7, 8}),
                PacketCodec.decode(registry, 4242, Unpooled.wrappedBuffer(new byte[] {7, 8})));
        assertInstanceOf(RemoteCallACK.class, PacketCodec.decode(registry, 20476, Unpooled.wrappedBuffer(new byte[0])),
                "known ids (here a built-in envelope) are still decoded");
    }

    @Test
    void everyPrefixOfAGoldenEnvelopeDecodesOrIsACodecError() {
        for (String frame : new String[] {GoFrames.RPC_REQ_JSON, GoFrames.RPC_ACK_BINARY, GoFrames.RELAY_JSON}) {
            byte[] whole = bytes(frame);
            int id = (whole[2] & 0xFF) | (whole[3] & 0xFF) << 8;
            for (int end = 4; end < whole.length; end++) {
                byte[] body = Arrays.copyOfRange(whole, 4, end);
                try {
                    PacketCodec.decode(MessageRegistry.create(), id, Unpooled.wrappedBuffer(body));
                } catch (CodecException expected) {
                    // a clear error; anything else fails the test
                }
            }
        }
    }

    private static RelayACK relay(byte[] msg) {
        return new RelayACK(msg, 0, new byte[0], 0, new long[0], "");
    }

    /** An application's own class for Go's request envelope. */
    static final class MyReq {
        int MsgID;
        byte[] Data = new byte[0];
        long CallID;
    }
}
