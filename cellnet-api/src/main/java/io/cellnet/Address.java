package io.cellnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A cellnet address: {@code [scheme://]host:port[/path]}, where {@code port} may be a range
 * {@code min~max} (Go's {@code util.ParseAddress}). The host may be empty (all interfaces), a
 * name, an IPv4 literal or an IPv6 literal in brackets ({@code [::1]:7000}), which Go cannot parse.
 *
 * <pre>{@code
 * Address a = Address.parse("ws://0.0.0.0:7000~7010/chat");
 * a.scheme();   // "ws"
 * a.host();     // "0.0.0.0"
 * a.minPort();  // 7000
 * a.maxPort();  // 7010
 * a.path();     // "/chat"
 * }</pre>
 *
 * <p>Thread safety: immutable.
 *
 * @param scheme  the scheme without {@code ://}, or {@code ""}
 * @param host    the host without brackets, or {@code ""} for all interfaces
 * @param minPort the first port, 0..65535
 * @param maxPort the last port, {@code >= minPort}; equal to it when there is no range
 * @param path    the path starting with {@code /}, or {@code ""}
 */
public record Address(String scheme, String host, int minPort, int maxPort, String path) {
    private static final Pattern FORMAT = Pattern.compile(
            "^(?:([A-Za-z][A-Za-z0-9+.-]*)://)?(\\[[^\\]/]*\\]|[^:/\\[\\]]*):(\\d{1,5})(?:~(\\d{1,5}))?(/.*)?$");

    /** Checks the fields. */
    public Address {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (minPort < 0 || maxPort > 0xFFFF || minPort > maxPort) {
            throw new IllegalArgumentException("bad port range " + minPort + "~" + maxPort);
        }
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException quoting {@code text} when it is not an address
     */
    public static Address parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid address '" + text
                    + "': expected [scheme://]host:port[~maxPort][/path], IPv6 hosts in brackets");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
            if (host.isEmpty() || !host.contains(":")) {
                throw new IllegalArgumentException("invalid address '" + text + "': bad IPv6 literal");
            }
        }
        int min = port(m.group(3), text);
        int max = m.group(4) == null ? min : port(m.group(4), text);
        if (min > max) {
            throw new IllegalArgumentException("invalid address '" + text + "': port range " + min + "~" + max
                    + " is reversed");
        }
        String scheme = m.group(1) == null ? "" : m.group(1);
        String path = m.group(5) == null ? "" : m.group(5);
        return new Address(scheme, host, min, max, path);
    }

    private static int port(String digits, String text) {
        int p = Integer.parseInt(digits);
        if (p > 0xFFFF) {
            throw new IllegalArgumentException("invalid address '" + text + "': port " + p + " > 65535");
        }
        return p;
    }

    /** {@code true} when {@code minPort != maxPort}. */
    public boolean isRange() {
        return minPort != maxPort;
    }

    /** The ports to try, in order. */
    public IntStream ports() {
        return IntStream.rangeClosed(minPort, maxPort);
    }

    /** {@code host:port} with IPv6 hosts in brackets (Go's {@code JoinAddress}). */
    public String hostPort(int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** This address with a single port (the bound one, say). */
    public Address withPort(int port) {
        return new Address(scheme, host, port, port, path);
    }

    /**
     * Tries each port in order and returns the first success (Go's {@code DetectPort}).
     *
     * @throws Exception the last failure, with each earlier one added to it as suppressed (in port
     *     order), when every port fails
     */
    public <T> T detectPort(PortAttempt<T> attempt) throws Exception {
        Objects.requireNonNull(attempt, "attempt");
        List<Exception> failures = new ArrayList<>();
        for (int port = minPort; port <= maxPort; port++) {
            try {
                return attempt.tryPort(port);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        Exception last = failures.get(failures.size() - 1);
        for (Exception earlier : failures.subList(0, failures.size() - 1)) {
            if (earlier != last) {
                last.addSuppressed(earlier);
            }
        }
        throw last;
    }

    /** The canonical text: {@code [scheme://]host:min[~max][/path]}. */
    @Override
    public String toString() {
        String ports = isRange() ? minPort + "~" + maxPort : String.valueOf(minPort);
        return (scheme.isEmpty() ? "" : scheme + "://") + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + ports + path;
    }

    /**
     * One attempt of {@link #detectPort}.
     *
     * <p>Thread safety: called on the thread that called {@code detectPort}.
     *
     * @param <T> what a successful attempt returns
     */
    @FunctionalInterface
    public interface PortAttempt<T> {

        /** Tries {@code port}; throws when it cannot be used. */
        T tryPort(int port) throws Exception;
    }
}
