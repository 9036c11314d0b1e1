package io.cellnet.netty.msglog;

/**
 * Which messages the message log shows (Go's {@code msglog.MsgLogMode}).
 *
 * <p>Thread safety: an immutable enum.
 */
public enum MsgLogMode {
    /** Every message. */
    SHOW_ALL,
    /** No message. */
    MUTE,
    /** Every message except those with rule {@link MsgLogRule#BLACK_LIST} (the default). */
    BLACK_LIST,
    /** Only messages with rule {@link MsgLogRule#WHITE_LIST}. */
    WHITE_LIST
}
