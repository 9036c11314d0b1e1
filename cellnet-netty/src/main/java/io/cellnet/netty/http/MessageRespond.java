package io.cellnet.netty.http;

import java.util.Objects;

/**
 * Answers with {@code message} encoded by the codec named {@code codec} (its MIME type is the
 * {@code Content-Type}), as Go's {@code MessageRespond}.
 *
 * <p>Thread safety: immutable.
 *
 * @param status  the HTTP status
 * @param message the message
 * @param codec   a codec name, for example {@code "httpjson"}
 */
public record MessageRespond(int status, Object message, String codec) implements HttpRespond {

    /** Checks the arguments. */
    public MessageRespond {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(codec, "codec");
        HttpStatusCheck.check(status);
    }
}
