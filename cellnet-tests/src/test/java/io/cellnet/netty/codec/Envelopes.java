package io.cellnet.netty.codec;

import java.util.List;

/**
 * Test-only Java shapes of Go's protoplus envelopes (rpc/msg.proto, relay/msg.proto); the real
 * ones belong to the RPC and relay code.
 */
public final class Envelopes {
    private Envelopes() {
    }

    /** {@code rpc.RemoteCallREQ{MsgID uint32; Data []byte; CallID int64}} as a plain class. */
    public static final class RemoteCallREQ {
        public @Unsigned int MsgID;
        public byte[] Data;
        public long CallID;

        public RemoteCallREQ() {
        }

        public RemoteCallREQ(int msgId, byte[] data, long callId) {
            this.MsgID = msgId;
            this.Data = data;
            this.CallID = callId;
        }
    }

    /** The same envelope as a record. */
    public record RemoteCallACK(@Unsigned int MsgID, byte[] Data, long CallID) {
    }

    /** {@code relay.RelayACK} with the passthrough slice as {@code long[]}. */
    public record RelayACK(byte[] Msg, @Unsigned int MsgID, byte[] Bytes, long Int64, long[] Int64Slice, String Str) {
    }

    /** {@code relay.RelayACK} with the passthrough slice as {@code List<Long>}. */
    public record RelayAckList(byte[] Msg, @Unsigned int MsgID, byte[] Bytes, long Int64, List<Long> Int64Slice,
            String Str) {
    }
}
