package io.cellnet.netty.internal.ws;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the client address from an {@code X-Forwarded-For} header: its first entry, which must be
 * an IP literal (never resolved as a name), optionally with brackets (IPv6) or a port (IPv4).
 *
 * <p>Thread safety: stateless.
 */
public final class ForwardedFor {
    private ForwardedFor() {
    }

    /** The first entry of {@code header} as an address with port 0, or {@code null} when there is none. */
    public static @Nullable InetSocketAddress clientAddress(@Nullable String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String first = (comma < 0 ? header : header.substring(0, comma)).trim();
        if (first.startsWith("[")) {
            int end = first.indexOf(']');
            first = end < 0 ? first : first.substring(1, end);
        } else if (first.indexOf(':') > 0 && first.indexOf(':') == first.lastIndexOf(':')) {
            first = first.substring(0, first.indexOf(':'));
        }
        byte[] ip = NetUtil.createByteArrayFromIpAddressString(first);
        if (ip == null) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), 0);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
