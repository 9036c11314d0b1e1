package io.cellnet.examples;

import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecException;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.pb.EchoProto;
import io.cellnet.protobuf.GogopbCodec;
import io.cellnet.protobuf.ProtobufMessages;
import java.nio.ByteBuffer;

/**
 * The echo commands' {@code --codec gogopb}: {@link TestEchoAck} on the wire as the protobuf
 * message {@code main.TestEchoACK} generated from {@code src/main/proto/echo.proto} (the bytes of
 * Go's {@code codec/gogopb}), so that the echo modes keep their one message type. An application
 * of its own registers its generated classes directly with
 * {@link ProtobufMessages#registerFile}.
 *
 * <p>Thread safety: stateless.
 */
final class GogopbEcho implements Codec {
    static final GogopbEcho INSTANCE = new GogopbEcho();
    /** Go's protoc-gen-msg id of main.TestEchoACK: the same 4673 as the json and binary echo. */
    static final int ID = ProtobufMessages.goId("main", "TestEchoACK");

    private GogopbEcho() {
    }

    @Override
    public String name() {
        return GogopbCodec.INSTANCE.name();
    }

    @Override
    public String mimeType() {
        return GogopbCodec.INSTANCE.mimeType();
    }

    @Override
    public byte[] encode(Object message) {
        if (!(message instanceof TestEchoAck m)) {
            throw new CodecException("gogopb echo encodes TestEchoAck, not " + message.getClass().getName());
        }
        return GogopbCodec.INSTANCE.encode(EchoProto.TestEchoACK.newBuilder().setMsg(m.Msg()).setValue(m.Value()).build());
    }

    @Override
    public <T> T decode(ByteBuffer data, Class<T> type) {
        EchoProto.TestEchoACK m = GogopbCodec.INSTANCE.decode(data, EchoProto.TestEchoACK.class);
        return type.cast(new TestEchoAck(m.getMsg(), m.getValue()));
    }
}
