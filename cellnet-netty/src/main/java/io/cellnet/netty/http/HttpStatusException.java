package io.cellnet.netty.http;

/**
 * An HTTP connector's request was answered with a status outside 2xx. Carries the status and the
 * body as text (for example the server's error message).
 *
 * <p>Thread safety: immutable.
 */
public final class HttpStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The status. */
    private final int status;
    /** The body as UTF-8 text. */
    private final String body;

    /** The answer {@code status} with {@code body} to {@code method path}. */
    public HttpStatusException(String method, String path, int status, String body) {
        super(method + " " + path + " answered " + status + (body.isEmpty() ? "" : ": " + abbreviate(body)));
        this.status = status;
        this.body = body;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The body as text. */
    public String body() {
        return body;
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
