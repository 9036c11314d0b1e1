package io.cellnet.netty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** A blocking socket client for feeding exact bytes to a server; every read is bounded. */
public final class RawClient implements AutoCloseable {
    private final Socket socket = new Socket();

    public RawClient(int port) throws IOException {
        this(port, null);
    }

    /** A client connected to 127.0.0.1:{@code port} from {@code localHost} (another loopback address). */
    public RawClient(int port, @Nullable String localHost) throws IOException {
        if (localHost != null) {
            socket.bind(new InetSocketAddress(localHost, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
    }

    public RawClient write(String hex) throws IOException {
        socket.getOutputStream().write(HexFormat.of().parseHex(hex.replace(" ", "")));
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads exactly {@code n} bytes and returns them as hex. */
    public String read(int n) throws IOException {
        byte[] b = socket.getInputStream().readNBytes(n);
        if (b.length < n) {
            throw new IOException("EOF after " + b.length + " of " + n + " bytes");
        }
        return HexFormat.of().formatHex(b);
    }

    /** Reads and drops exactly {@code n} bytes; returns {@code n}. Fails at EOF or after 5 s without data. */
    public long readBytes(long n) {
        byte[] buf = new byte[64 << 10];
        try {
            InputStream in = socket.getInputStream();
            for (long left = n; left > 0; ) {
                int got = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (got < 0) {
                    throw new IOException("EOF with " + left + " of " + n + " bytes unread");
                }
                left -= got;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until the server closes; returns what came before (hex). Fails on timeout. */
    public String readUntilClosed() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server did not close the connection within 5 s", e);
        } catch (IOException e) {
            // RST: closed with unread data, as Go does
        }
        return HexFormat.of().formatHex(got.toByteArray());
    }

    /** Half-closes: the server sees EOF while this side can still read. */
    public RawClient shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
