package io.cellnet.netty.http;

/** Checks HTTP status codes for the respond records. */
final class HttpStatusCheck {
    private HttpStatusCheck() {
    }

    static void check(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }
}
