package io.cellnet.netty.http;

/**
 * An answer to an HTTP request, sent with {@code event.reply(..)} or {@code session.send(..)} on
 * the exchange's session (Go's {@code MessageRespond}, {@code TextRespond}, {@code StatusRespond},
 * {@code HTMLRespond}). Any other object sent on an exchange is a {@link MessageRespond} with
 * status 200 and the {@code httpjson} codec. The first answer wins; later ones are refused
 * ({@code SendResult.CLOSED}).
 *
 * <p>Thread safety: the implementations are immutable records.
 */
public sealed interface HttpRespond permits MessageRespond, TextRespond, StatusRespond, HtmlRespond {

    /** The HTTP status code. */
    int status();

    /** A message encoded by {@code httpjson} with status 200. */
    static MessageRespond message(Object message) {
        return new MessageRespond(200, message, "httpjson");
    }

    /** A plain text ({@code text/plain; charset=utf-8}) with {@code status}. */
    static TextRespond text(int status, String text) {
        return new TextRespond(status, text);
    }

    /** A status with an empty body. */
    static StatusRespond status(int status) {
        return new StatusRespond(status);
    }

    /** The page {@code template} of the acceptor's template directory rendered with {@code model}, status 200. */
    static HtmlRespond html(String template, Object model) {
        return new HtmlRespond(200, template, model);
    }
}
