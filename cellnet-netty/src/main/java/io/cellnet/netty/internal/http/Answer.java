package io.cellnet.netty.internal.http;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A response to write: its head and, for a file, the chunked body that follows it ({@code null}
 * when the head is a full response with its content).
 *
 * <p>Thread safety: written by one thread, then handed to the channel's event loop.
 *
 * @param head the response (a {@link FullHttpResponse} when {@code body} is {@code null})
 * @param body the body written after the head, or {@code null}
 */
record Answer(HttpResponse head, @Nullable Object body) {

    /** A full response of {@code status} with {@code content} of {@code contentType} (none when null). */
    static Answer of(int status, byte[] content, @Nullable String contentType) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(content));
        if (contentType != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        return new Answer(r, null);
    }

    /** A UTF-8 text. */
    static Answer text(int status, String text) {
        return of(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /** Gives back the buffers when the answer is not written. */
    void release() {
        if (head instanceof FullHttpResponse f) {
            f.release();
        }
        if (body instanceof io.netty.util.ReferenceCounted rc) {
            rc.release();
        } else if (body instanceof io.netty.handler.stream.ChunkedInput<?> in) {
            try {
                in.close();
            } catch (Exception e) {
                // nothing to do: the file is not going to be sent
            }
        }
    }
}
