package io.cellnet.netty.http;

import java.util.Objects;

/**
 * Answers with a UTF-8 text ({@code text/plain; charset=utf-8}), as Go's {@code TextRespond}.
 *
 * <p>Thread safety: immutable.
 *
 * @param status the HTTP status
 * @param text   the body
 */
public record TextRespond(int status, String text) implements HttpRespond {

    /** Checks the arguments. */
    public TextRespond {
        Objects.requireNonNull(text, "text");
        HttpStatusCheck.check(status);
    }
}
