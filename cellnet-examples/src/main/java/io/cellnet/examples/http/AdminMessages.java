package io.cellnet.examples.http;

/**
 * The messages of the HTTP examples, field names as Go declares them (httpjson matches Go's
 * encoding/json).
 *
 * <p>Thread safety: stateless.
 */
public final class AdminMessages {
    private AdminMessages() {
    }

    /**
     * Go's TestHttp request {@code HttpEchoREQ {UserName string}}.
     *
     * <p>Thread safety: immutable.
     *
     * @param UserName the user
     */
    public record HttpEchoREQ(String UserName) {
    }

    /**
     * Go's TestHttp answer {@code HttpEchoACK {Token string; Status int32}}.
     *
     * <p>Thread safety: immutable.
     *
     * @param Token  "get" or "post"
     * @param Status 0
     */
    public record HttpEchoACK(String Token, int Status) {
    }

    /**
     * A GM notice to show to every player (json or form).
     *
     * <p>Thread safety: immutable.
     *
     * @param Text the notice
     */
    public record NoticeREQ(String Text) {
    }

    /**
     * The answer to a notice.
     *
     * <p>Thread safety: immutable.
     *
     * @param Id   the notice's number
     * @param Text the notice as stored
     */
    public record NoticeACK(int Id, String Text) {
    }

    /**
     * The server's status.
     *
     * <p>Thread safety: immutable.
     *
     * @param UptimeSeconds seconds since start
     * @param Requests      requests handled
     * @param Notices       notices posted
     */
    public record StatusACK(long UptimeSeconds, long Requests, int Notices) {
    }
}
