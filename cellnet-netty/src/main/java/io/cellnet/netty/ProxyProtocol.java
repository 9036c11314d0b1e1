package io.cellnet.netty;

/**
 * Whether an acceptor reads the PROXY protocol header (HAProxy's, v1 text or v2 binary) that a load
 * balancer in front of it (HAProxy, AWS NLB, a Kubernetes ingress) puts at the start of each
 * connection, so that a session's {@code remoteAddress()} is the real client's and not the
 * proxy's. Set with {@link TcpAcceptorBuilder#proxyProtocol}, which also names the proxies whose
 * headers are trusted.
 *
 * <p>Thread safety: an immutable enum.
 */
public enum ProxyProtocol {
    /** No header is read (the default): the first bytes are the application's. */
    OFF,
    /**
     * A header is read when the connection starts with one (from a trusted proxy); a connection
     * without one is served as it is, with the socket's address.
     */
    OPTIONAL,
    /** Every connection must start with a header from a trusted proxy; one without is closed. */
    REQUIRED
}
