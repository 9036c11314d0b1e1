package io.cellnet;

/**
 * A message a peer posts about a session's life (Go's {@code cellnet.Session*} system messages).
 * They are registered in every {@link MessageRegistry} with Go's ids so that names and ids line up,
 * but they are never read from or written to the wire: a frame carrying one of their ids is
 * refused (Go delivers it, which lets a remote peer forge events).
 *
 * <p>Thread safety: all implementations are immutable records.
 */
public sealed interface SystemMessage
        permits SessionInit, SessionAccepted, SessionConnected, SessionConnectError, SessionClosed {
}
