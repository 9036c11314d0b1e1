package io.cellnet.netty.codec.protoplus;

import static io.cellnet.netty.codec.Paths.decodeAll;
import static io.cellnet.netty.codec.Paths.encodeAll;
import static io.cellnet.netty.codec.Paths.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellnet.netty.codec.Envelopes.RelayACK;
import io.cellnet.netty.codec.Envelopes.RelayAckList;
import io.cellnet.netty.codec.Envelopes.RemoteCallACK;
import io.cellnet.netty.codec.Envelopes.RemoteCallREQ;
import io.cellnet.netty.codec.GoMessages.EchoAck;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden protoplus bodies captured from Go (reference §4.3, §5.3, §6.4). */
class ProtoplusCodecTest {
    private static final ProtoplusCodec CODEC = ProtoplusCodec.INSTANCE;
    private static final byte[] ECHO_JSON = hex("7b224d7367223a2268656c6c6f222c2256616c7565223a313233347d");
    private static final byte[] ECHO_BINARY = hex("050068656c6c6fd2040000");

    @Test
    void remoteCallReqWithNegativeCallId() {
        byte[] golden = hex("01 01 | 0a 01 ab | 16 ffffffffffffffff");
        assertArrayEquals(golden, encodeAll(CODEC, new RemoteCallREQ(1, new byte[] {(byte) 0xAB}, -1)));
        assertArrayEquals(golden, encodeAll(CODEC, new RemoteCallACK(1, new byte[] {(byte) 0xAB}, -1)));
        for (RemoteCallREQ d : decodeAll(CODEC, golden, RemoteCallREQ.class)) {
            assertEquals(List.of(1, -1L), List.of(d.MsgID, d.CallID));
            assertArrayEquals(new byte[] {(byte) 0xAB}, d.Data);
        }
    }

    @Test
    void relayAckWithNegativeInt64() {
        byte[] golden = hex("1e fbffffffffffffff");
        assertArrayEquals(golden, encodeAll(CODEC, new RelayACK(null, 0, null, -5, null, null)));
        assertArrayEquals(golden, encodeAll(CODEC, new RelayAckList(new byte[0], 0, new byte[0], -5, List.of(), "")));
        RelayACK d = decodeAll(CODEC, golden, RelayACK.class).get(0);
        assertEquals(-5, d.Int64());
        assertArrayEquals(new long[0], d.Int64Slice());
        assertEquals("", d.Str());
    }

    @Test
    void rpcRequestFramesOfSection53() {
        // The JSON REQ body matches JsonCodec's own encoding of the inner message.
        assertArrayEquals(ECHO_JSON, JsonCodec.INSTANCE.encode(new EchoAck("hello", 1234)));
        assertArrayEquals(ECHO_BINARY, BinaryCodec.INSTANCE.encode(new EchoAck("hello", 1234)));
        assertEquals("01c1240a1c" + hex(ECHO_JSON) + "1101", hex(encodeAll(CODEC, new RemoteCallREQ(4673, ECHO_JSON, 1))));
        assertEquals("01c1240a0b050068656c6c6fd20400001101",
                hex(encodeAll(CODEC, new RemoteCallACK(4673, ECHO_BINARY, 1))));
        assertEquals("01c1240a0b050068656c6c6fd20400001102",
                hex(encodeAll(CODEC, new RemoteCallACK(4673, ECHO_BINARY, 2))));
        RemoteCallACK d = CODEC.decode(hex("01c1240a1c" + hex(ECHO_JSON) + "1101"), RemoteCallACK.class);
        assertEquals(List.of(4673, 1L), List.of(d.MsgID(), d.CallID()));
        assertEquals(new EchoAck("hello", 1234), JsonCodec.INSTANCE.decode(d.Data(), EchoAck.class));
    }

    @Test
    void relayFrameOfSection64() {
        String tail = "09c124 | 19e807 | 220c ffffffffffffffffff01 02 00 | 2a0b 706173737468726f756768";
        byte[] json = hex("021c" + hex(ECHO_JSON) + tail);
        assertEquals(63, json.length); // the frame is 4100 e9b1 + 63 bytes = 67
        assertArrayEquals(json, encodeAll(CODEC,
                new RelayACK(ECHO_JSON, 4673, null, 1000, new long[] {-1, 2, 0}, "passthrough")));
        assertArrayEquals(json, encodeAll(CODEC,
                new RelayAckList(ECHO_JSON, 4673, null, 1000, List.of(-1L, 2L, 0L), "passthrough")));
        byte[] binary = hex("020b" + hex(ECHO_BINARY) + tail);
        assertEquals(0x30 - 2, binary.length); // the binary variant's frame size is 3000
        for (RelayAckList d : decodeAll(CODEC, json, RelayAckList.class)) {
            assertArrayEquals(ECHO_JSON, d.Msg());
            assertEquals(List.of(4673, 1000L, List.of(-1L, 2L, 0L), "passthrough"),
                    List.of(d.MsgID(), d.Int64(), d.Int64Slice(), d.Str()));
            assertArrayEquals(new byte[0], d.Bytes());
        }
        RelayACK d = CODEC.decode(binary, RelayACK.class);
        assertArrayEquals(new long[] {-1, 2, 0}, d.Int64Slice());
        assertArrayEquals(ECHO_BINARY, d.Msg());
    }

    @Test
    void allZeroMessageIsEmptyAndEmptyIsAllZero() {
        assertEquals(0, encodeAll(CODEC, new RelayACK(new byte[0], 0, null, 0, new long[0], "")).length);
        assertEquals(0, encodeAll(CODEC, new RemoteCallREQ()).length);
        RemoteCallREQ d = CODEC.decode(new byte[0], RemoteCallREQ.class);
        assertEquals(List.of(0, 0L), List.of(d.MsgID, d.CallID));
        assertNull(d.Data, "a class keeps its constructor's values");
    }
}
