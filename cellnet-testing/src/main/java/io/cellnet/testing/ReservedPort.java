package io.cellnet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback TCP port that nobody listens on, held for a test: a socket bound to
 * {@code 127.0.0.1:0} with {@code SO_REUSEADDR} that never listens.
 *
 * <ul>
 *   <li>A connect to it is refused at once, as to a free port.</li>
 *   <li>While it is held, no other socket gets the port: a bind to port 0 (anyone's, with
 *       {@code SO_REUSEADDR} or not) and a connection's own local port skip a port bound
 *       explicitly, and an explicit bind without {@code SO_REUSEADDR} fails.</li>
 *   <li>An acceptor, which sets {@code SO_REUSEADDR}, can listen on it all the same, stop, and
 *       listen again: a server that comes up later, or restarts, on the same port.</li>
 * </ul>
 *
 * So, unlike binding port 0, closing and binding the number again (where anything may take the
 * port in between), nothing else can take the port between the steps of a test. These are Linux's
 * rules (the build's); BSD and macOS let two sockets share an exact address only with
 * {@code SO_REUSEPORT}.
 *
 * <pre>{@code
 * ReservedPort port = net.reservedPort();          // or ReservedPort.reserve(), closed by you
 * TcpAcceptor server = TcpPeers.acceptor().address(port.address())...build();
 * server.start().join();
 * server.stop().join();
 * server.start().join();                            // the same port again, guaranteed
 * }</pre>
 *
 * <p>Thread safety: immutable once made; {@link #close} may be called from any thread.
 */
public final class ReservedPort implements AutoCloseable {
    private final Socket socket;

    private ReservedPort(Socket socket) {
        this.socket = socket;
    }

    /** Reserves a fresh port of {@code 127.0.0.1}. */
    public static ReservedPort reserve() {
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new ReservedPort(s);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot reserve a loopback port", e);
        }
    }

    /** The reserved port. */
    public int port() {
        return socket.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, for a peer's address. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /**
     * Whether {@code 127.0.0.1:port} refuses a connection now (nothing listens there any more), as
     * after a listener was closed; {@code false} when a connection is accepted or fails otherwise.
     * Poll it with a bounded wait (awaitility), never with a sleep.
     */
    public static boolean refusesConnections(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return !s.isConnected();
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Frees the port. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot free port " + port(), e);
        }
    }

    @Override
    public String toString() {
        return "ReservedPort(" + port() + ")";
    }
}
