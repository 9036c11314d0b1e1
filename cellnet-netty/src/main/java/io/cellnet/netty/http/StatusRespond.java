package io.cellnet.netty.http;

/**
 * Answers with a status and an empty body, as Go's {@code StatusRespond}.
 *
 * <p>Thread safety: immutable.
 *
 * @param status the HTTP status
 */
public record StatusRespond(int status) implements HttpRespond {

    /** Checks the status. */
    public StatusRespond {
        HttpStatusCheck.check(status);
    }
}
