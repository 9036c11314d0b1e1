package io.cellnet.netty.http;

import java.util.Objects;

/**
 * Answers with an HTML page rendered from the template {@code template} of the acceptor's
 * template directory ({@code text/html; charset=utf-8}), as Go's {@code HTMLRespond}. A template
 * is a file {@code name.tpl} or {@code name.html}; {@code {{.}}} is replaced by the model and
 * {@code {{.Field}}} by a field, record component or map entry of it, HTML-escaped. An unknown
 * template answers 500.
 *
 * <p>Thread safety: immutable (the model is only read).
 *
 * @param status   the HTTP status
 * @param template the template's name: its path under the directory without the extension
 * @param model    what the template shows
 */
public record HtmlRespond(int status, String template, Object model) implements HttpRespond {

    /** Checks the arguments. */
    public HtmlRespond {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(model, "model");
        HttpStatusCheck.check(status);
    }
}
