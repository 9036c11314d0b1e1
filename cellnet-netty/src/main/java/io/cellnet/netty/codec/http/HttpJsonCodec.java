package io.cellnet.netty.codec.http;

import io.cellnet.netty.codec.AbstractByteBufCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.netty.buffer.ByteBuf;

/**
 * Go's {@code httpjson} codec (MIME {@code application/json}): the request and answer bodies of
 * the HTTP peers as Go's {@code encoding/json} writes and reads them, by exactly the rules of the
 * {@code json} codec ({@link JsonCodec}): field names as keys, case-insensitive reading, Go's
 * escapes and numbers. Needs Jackson, as {@code json} does.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class HttpJsonCodec extends AbstractByteBufCodec {
    /** The codec. */
    public static final HttpJsonCodec INSTANCE = new HttpJsonCodec();

    private HttpJsonCodec() {
        super("httpjson", "application/json");
    }

    @Override
    protected void encodeTo(Object message, ByteBuf out) {
        JsonCodec.INSTANCE.encode(message, out);
    }

    @Override
    protected Object decodeFrom(ByteBuf body, Class<?> type) {
        return JsonCodec.INSTANCE.decode(body, type);
    }
}
