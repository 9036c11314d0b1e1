package io.cellnet.protobuf.internal;

import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecProvider;
import io.cellnet.protobuf.GogopbCodec;
import java.util.List;

/**
 * The codecs of cellnet-protobuf by Go's names: {@code gogopb}.
 *
 * <p>Thread safety: stateless.
 */
public final class ProtobufCodecs implements CodecProvider {

    @Override
    public List<Codec> codecs() {
        return List.of(GogopbCodec.INSTANCE);
    }
}
