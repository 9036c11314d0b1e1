package io.cellnet.netty.internal.http;

import io.cellnet.codec.Codec;
import io.cellnet.codec.Codecs;
import io.cellnet.netty.http.HtmlRespond;
import io.cellnet.netty.http.HttpRespond;
import io.cellnet.netty.http.MessageRespond;
import io.cellnet.netty.http.StatusRespond;
import io.cellnet.netty.http.TextRespond;
import java.nio.charset.StandardCharsets;

/**
 * Turns what a handler sends on an exchange into a response: an {@link HttpRespond}, or any other
 * object as a {@link MessageRespond} with status 200 and {@code httpjson}.
 *
 * <p>Thread safety: immutable; called on the sending thread.
 */
final class RespondEncoder {
    private final HtmlTemplates templates;

    RespondEncoder(HtmlTemplates templates) {
        this.templates = templates;
    }

    /**
     * The answer for {@code sent}.
     *
     * @throws io.cellnet.codec.CodecException when the message cannot be encoded
     * @throws IllegalArgumentException for an unknown codec or template, or a template error
     */
    Answer encode(Object sent) {
        HttpRespond r = sent instanceof HttpRespond hr ? hr : HttpRespond.message(sent);
        if (r instanceof MessageRespond m) {
            Codec codec = Codecs.get(m.codec());
            return Answer.of(m.status(), codec.encode(m.message()), codec.mimeType());
        }
        if (r instanceof TextRespond t) {
            return Answer.text(t.status(), t.text());
        }
        if (r instanceof HtmlRespond h) {
            return Answer.of(h.status(), templates.render(h.template(), h.model()).getBytes(StandardCharsets.UTF_8),
                    "text/html; charset=utf-8");
        }
        return Answer.of(((StatusRespond) r).status(), new byte[0], null);
    }
}
