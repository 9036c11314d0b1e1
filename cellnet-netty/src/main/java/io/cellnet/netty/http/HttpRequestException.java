package io.cellnet.netty.http;

/**
 * {@link HttpConnector#requestSync} failed for another reason than the answer's status or codec:
 * the connection failed, or no answer came in time. The cause says which.
 *
 * <p>Thread safety: immutable.
 */
public final class HttpRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure of {@code method path} caused by {@code cause}. */
    public HttpRequestException(String method, String path, Throwable cause) {
        super(method + " " + path + " failed: " + cause, cause);
    }
}
