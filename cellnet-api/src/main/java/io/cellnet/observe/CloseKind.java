package io.cellnet.observe;

import java.util.Locale;

/**
 * Why a session closed, as meters count it: {@code CloseReason} refined by the failure.
 *
 * <p>Thread safety: immutable.
 */
public enum CloseKind {
    /** An I/O failure or the remote's close. */
    IO,
    /** Closed by this side. */
    MANUAL,
    /** A read or write idle timeout, or a heartbeat timeout. */
    IDLE,
    /** The remote did not read fast enough. */
    SLOW_CONSUMER,
    /** Refused input: a malformed frame or a message that cannot be decoded. */
    BAD_INPUT;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** The tag value: the name in lower case. */
    public String tag() {
        return tag;
    }
}
