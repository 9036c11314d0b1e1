package io.cellnet;

/**
 * A TCP client (Go's {@code cellnet.TCPConnector}): dials its address, posts
 * {@link SessionConnected} or {@link SessionConnectError}, and reconnects after the connection
 * closes according to its {@link ReconnectPolicy}.
 *
 * <p>{@link #session()} is one object for the connector's whole life; each connection gives it a
 * new id, as in Go. While there is no connection, {@link Session#send} follows the
 * {@link DisconnectedSendPolicy}: by default it returns {@link SendResult#NOT_CONNECTED}.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface TcpConnector extends GenericPeer, TcpSocketOptions, PeerReadyChecker {

    /** The connector's session, stable across reconnects. */
    Session session();

    /** The local port of the current connection, or {@code 0} when not connected. */
    int port();

    /** How the connector retries after a failed attempt or a closed connection. */
    ReconnectPolicy reconnectPolicy();

    /** What {@code send} does while there is no connection. */
    DisconnectedSendPolicy disconnectedSendPolicy();
}
