package io.cellnet.netty.internal.http;

import io.cellnet.codec.Codec;
import io.cellnet.codec.Codecs;
import io.cellnet.netty.codec.http.HttpFormCodec;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the request message of a declared route: the body by its {@code Content-Type}
 * ({@code application/json}: httpjson; {@code application/x-www-form-urlencoded}: httpform;
 * {@code application/x-protobuf}: gogopb when cellnet-protobuf is present), or the query string as
 * a form when there is no body.
 *
 * <p>Thread safety: stateless.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    /** The content type has no codec here (answered 415). */
    static final class UnsupportedType extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedType(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The message of {@code type} in {@code req}.
     *
     * @throws UnsupportedType when the body's content type has no codec
     * @throws io.cellnet.codec.CodecException when the body or the query is not a {@code type}
     */
    static Object decode(FullHttpRequest req, String rawQuery, Class<?> type) throws UnsupportedType {
        String contentType = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
        String mime = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!req.content().isReadable() && mime.isEmpty()) {
            return HttpFormCodec.INSTANCE.decodeForm(rawQuery, type);
        }
        Codec codec = codecFor(mime);
        if (codec == null) {
            throw new UnsupportedType("415 Unsupported Media Type: "
                    + (mime.isEmpty() ? "a body needs a Content-Type" : mime)
                    + " (application/json, application/x-www-form-urlencoded"
                    + (Codecs.names().contains("gogopb") ? ", application/x-protobuf)" : ")"));
        }
        return codec.decode(req.content().nioBuffer(), type);
    }

    private static @Nullable Codec codecFor(String mime) {
        String name = switch (mime) {
            case "application/json" -> "httpjson";
            case "application/x-www-form-urlencoded" -> "httpform";
            case "application/x-protobuf" -> "gogopb";
            default -> null;
        };
        return name != null && Codecs.names().contains(name) ? Codecs.get(name) : null;
    }
}
