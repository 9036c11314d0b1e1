package io.cellnet.netty.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * How an acceptor reads the PROXY protocol header (HAProxy's v1 or v2): whether it is required,
 * and the proxies whose headers are trusted.
 *
 * <p>Thread safety: immutable.
 *
 * @param required {@code true} when a connection without a header is refused
 * @param trusted  the addresses and blocks of the proxies whose headers are honoured
 */
public record ProxyProtocolSettings(boolean required, List<Cidr> trusted) {

    /** Checks the arguments. */
    public ProxyProtocolSettings {
        trusted = List.copyOf(Objects.requireNonNull(trusted, "trusted"));
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("the PROXY protocol needs the addresses of the trusted proxies, for"
                    + " example proxyProtocol(REQUIRED, \"10.0.0.0/8\"); \"0.0.0.0/0\" and \"::/0\" trust every source");
        }
    }

    /** Whether a header from {@code source} is honoured. */
    public boolean trusts(SocketAddress source) {
        if (!(source instanceof InetSocketAddress s) || s.getAddress() == null) {
            return false;
        }
        InetAddress ip = s.getAddress();
        for (Cidr c : trusted) {
            if (c.contains(ip)) {
                return true;
            }
        }
        return false;
    }
}
