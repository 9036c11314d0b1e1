package io.cellnet.mesh.gateway;

import io.cellnet.netty.codec.AbstractByteBufCodec;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The protoplus codec of {@link TransmitACK}, written out by hand because every message through a
 * gateway crosses it twice: the same bytes as {@link ProtoplusCodec} (field 0 {@code MsgID} an
 * unsigned varint, 1 {@code MsgData} length-delimited, 2 {@code ClientID} a varint when positive
 * and fixed64 when negative, 3 {@code ClientIDList} packed varints, 4 {@code All} a varint 1; zero
 * values omitted), without the generic plan's method handles and boxed values. Decoding reads the
 * encodings this writer (and Go's protoplus) produces; any other tag or wire type (an unknown field,
 * a zigzag integer) is handed to {@link ProtoplusCodec}, from the start, so what that codec accepts
 * this one accepts too.
 *
 * <p>Thread safety: stateless; use {@link #INSTANCE} from any thread.
 */
final class TransmitCodec extends AbstractByteBufCodec {
    static final TransmitCodec INSTANCE = new TransmitCodec();
    private static final long[] NO_IDS = new long[0];
    private static final byte[] NO_BYTES = new byte[0];
    // tags: (field index << 3) | wire type, wire types 1 varint, 2 length-delimited, 6 fixed64
    private static final int MSG_ID = 0x01;
    private static final int MSG_DATA = 0x0A;
    private static final int CLIENT_ID = 0x11;
    private static final int CLIENT_ID_NEGATIVE = 0x16;
    private static final int CLIENT_ID_LIST = 0x1A;
    private static final int ALL = 0x21;

    private TransmitCodec() {
        super("protoplus", "application/binary");
    }

    @Override
    protected void encodeTo(Object message, ByteBuf out) {
        TransmitACK t = (TransmitACK) message;
        if (t.MsgID() != 0) {
            out.writeByte(MSG_ID);
            writeVarint(out, t.MsgID() & 0xFFFF_FFFFL);
        }
        byte[] data = t.MsgData();
        if (data.length > 0) {
            out.writeByte(MSG_DATA);
            writeVarint(out, data.length);
            out.writeBytes(data);
        }
        long client = t.ClientID();
        if (client > 0) {
            out.writeByte(CLIENT_ID);
            writeVarint(out, client);
        } else if (client < 0) {
            out.writeByte(CLIENT_ID_NEGATIVE);
            out.writeLongLE(client);
        }
        long[] list = t.ClientIDList();
        if (list.length > 0) {
            int size = 0;
            for (long id : list) {
                size += varintSize(id);
            }
            out.writeByte(CLIENT_ID_LIST);
            writeVarint(out, size);
            for (long id : list) {
                writeVarint(out, id);
            }
        }
        if (t.All()) {
            out.writeByte(ALL);
            out.writeByte(1);
        }
    }

    @Override
    protected Object decodeFrom(ByteBuf body, Class<?> type) {
        int start = body.readerIndex();
        try {
            return fastDecode(body);
        } catch (GiveUp e) {
            body.readerIndex(start);
            return ProtoplusCodec.INSTANCE.decode(body, TransmitACK.class);
        }
    }

    /** The message, when the body holds nothing but the plain encoding of each field. */
    private static TransmitACK fastDecode(ByteBuf in) {
        int msgId = 0;
        byte[] data = NO_BYTES;
        long client = 0;
        long[] list = NO_IDS;
        boolean all = false;
        int end = in.writerIndex();
        while (in.readerIndex() < end) {
            switch (in.readUnsignedByte()) {
                case MSG_ID -> {
                    long v = readVarint(in, end);
                    if (v > 0xFFFF_FFFFL || v < 0) {
                        throw GiveUp.INSTANCE;
                    }
                    msgId = (int) v;
                }
                case MSG_DATA -> {
                    data = new byte[length(in, end)];
                    in.readBytes(data);
                }
                case CLIENT_ID -> client = readVarint(in, end);
                case CLIENT_ID_NEGATIVE -> {
                    if (end - in.readerIndex() < Long.BYTES) {
                        throw GiveUp.INSTANCE;
                    }
                    client = in.readLongLE();
                }
                case CLIENT_ID_LIST -> list = packed(in, end, list);
                case ALL -> all = readVarint(in, end) != 0;
                default -> throw GiveUp.INSTANCE;
            }
        }
        return new TransmitACK(msgId, data, client, list, all);
    }

    /** The packed varints of one entry after {@code previous} (protobuf merges repeated entries). */
    private static long[] packed(ByteBuf in, int end, long[] previous) {
        int stop = in.readerIndex() + length(in, end);
        long[] ids = new long[previous.length + stop - in.readerIndex()];
        System.arraycopy(previous, 0, ids, 0, previous.length);
        int count = previous.length;
        while (in.readerIndex() < stop) {
            ids[count++] = readVarint(in, stop);
        }
        return count == ids.length ? ids : Arrays.copyOf(ids, count);
    }

    private static int length(ByteBuf in, int end) {
        long n = readVarint(in, end);
        if (n < 0 || n > end - in.readerIndex()) {
            throw GiveUp.INSTANCE;
        }
        return (int) n;
    }

    /** A varint that ends before {@code end}. */
    private static long readVarint(ByteBuf in, int end) {
        long v = 0;
        for (int shift = 0; shift < 64 && in.readerIndex() < end; shift += 7) {
            byte b = in.readByte();
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw GiveUp.INSTANCE;
    }

    private static void writeVarint(ByteBuf out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static int varintSize(long v) {
        return v == 0 ? 1 : (63 - Long.numberOfLeadingZeros(v)) / 7 + 1;
    }

    /** Thrown (preallocated, without a stack trace) when the fast path leaves the body to the generic codec. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super("not the plain TransmitACK encoding", null, false, false);
        }
    }
}
