package io.cellnet.netty.msglog;

/**
 * The rule of one message full name (Go's {@code msglog.MsgLogRule}), used by the
 * {@link MsgLogMode#BLACK_LIST} and {@link MsgLogMode#WHITE_LIST} modes.
 *
 * <p>Thread safety: an immutable enum.
 */
public enum MsgLogRule {
    /** No rule: removes the name from both lists. */
    NONE,
    /** Hidden in {@link MsgLogMode#BLACK_LIST} mode. */
    BLACK_LIST,
    /** Shown in {@link MsgLogMode#WHITE_LIST} mode. */
    WHITE_LIST
}
