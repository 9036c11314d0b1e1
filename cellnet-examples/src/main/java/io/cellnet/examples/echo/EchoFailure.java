package io.cellnet.examples.echo;

/**
 * Why an echo exchange failed; the client prints it as {@code FAIL: reason}.
 *
 * <p>Thread safety: immutable.
 */
final class EchoFailure extends Exception {
    private static final long serialVersionUID = 1L;

    EchoFailure(String reason) {
        super(reason, null, false, false);
    }
}
