package io.cellnet.netty;

import io.cellnet.netty.internal.stream.LocalKind;


/**
 * Entry point for in-memory peers on Netty's {@code LocalChannel}: the same processors, codecs,
 * hookers, event order and close semantics as TCP, without a socket. An address is a name
 * ({@code "game"} or {@code "local://game"}) unique within the JVM.
 *
 * <pre>{@code
 * TcpAcceptor server = LocalPeers.acceptor().address("game").callback(handler).build();
 * TcpConnector client = LocalPeers.connector().address("game").callback(events).build();
 * }</pre>
 *
 * <p>Socket options (buffers, TCP_NODELAY) do not apply; idle timeouts, max packet size and close
 * timeouts do.
 *
 * <p>Thread safety: stateless; every method may be called from any thread.
 */
public final class LocalPeers {
    private LocalPeers() {
    }

    /** A builder for a {@code local.Acceptor}. */
    public static TcpAcceptorBuilder acceptor() {
        return TcpAcceptorBuilder.of("local.Acceptor", "tcp.ltv", LocalKind.INSTANCE);
    }

    /** A builder for a {@code local.Connector}. */
    public static TcpConnectorBuilder connector() {
        return TcpConnectorBuilder.of("local.Connector", "tcp.ltv", LocalKind.INSTANCE, false);
    }
}
