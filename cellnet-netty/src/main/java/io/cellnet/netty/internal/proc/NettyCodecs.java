package io.cellnet.netty.internal.proc;

import io.cellnet.codec.Codec;
import io.cellnet.codec.CodecProvider;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.http.HttpFormCodec;
import io.cellnet.netty.codec.http.HttpJsonCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.netty.codec.protoplus.ProtoplusCodec;
import java.util.List;

/**
 * The codecs of cellnet-netty by Go's names: {@code json}, {@code httpjson}, {@code httpform},
 * {@code binary} (goobjfmt) and {@code protoplus}; {@code json}, {@code httpjson} and {@code httpform}
 * (whose floats are written by the json codec's Go float rules) only when Jackson, an optional
 * dependency, is there (else {@code Codecs.get("json")} fails naming the
 * artifact to add).
 *
 * <p>Thread safety: stateless.
 */
public final class NettyCodecs implements CodecProvider {

    @Override
    public List<Codec> codecs() {
        return JsonCodec.isAvailable()
                ? List.of(JsonCodec.INSTANCE, HttpJsonCodec.INSTANCE, HttpFormCodec.INSTANCE, BinaryCodec.INSTANCE,
                        ProtoplusCodec.INSTANCE)
                : List.of(BinaryCodec.INSTANCE, ProtoplusCodec.INSTANCE);
    }
}
