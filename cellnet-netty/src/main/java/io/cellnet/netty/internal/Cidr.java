package io.cellnet.netty.internal;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IP address block written {@code address/prefix} ({@code "10.0.0.0/8"}, {@code "fd00::/8"}) or
 * a single address ({@code "192.0.2.7"}, {@code "::1"}); literals only, never resolved. An IPv4
 * address given as an IPv4-mapped IPv6 address matches the IPv4 block.
 *
 * <p>Thread safety: immutable.
 *
 * @param text    the block as written
 * @param network the block's address bytes (4 or 16)
 * @param prefix  the number of leading bits that must match
 */
public record Cidr(String text, byte[] network, int prefix) {

    /** Checks the arguments. */
    public Cidr {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(network, "network");
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix out of range in '" + text + "'");
        }
        network = network.clone();
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is not an IP literal with an optional {@code /prefix}
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String ip = (slash < 0 ? text : text.substring(0, slash)).trim();
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or block: '" + text
                    + "' (write an address such as 10.0.0.5 or a block such as 10.0.0.0/8)");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
            }
        }
        return new Cidr(text, bytes, prefix);
    }

    /** Whether {@code address} is in this block. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet6Address && network.length == 4 && isIpv4Mapped(a)) {
            a = Arrays.copyOfRange(a, 12, 16);
        } else if (address instanceof Inet4Address && network.length == 16) {
            return false;
        }
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    private static boolean isIpv4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
