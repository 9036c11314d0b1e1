package io.cellnet.netty.ws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One end of a WebSocket connection written by hand over a blocking socket, to check the bytes:
 * the HTTP upgrade (either side) and frames (masked as a client sends them, or not). Every read is
 * bounded by 5 s.
 */
final class RawWs implements AutoCloseable {
    /** {@code main.TestEchoACK{"hello",1234}} as a ws.ltv message: msgid then the binary body. */
    static final String HELLO = "4112050068656c6c6fd2040000";
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** A client connected to 127.0.0.1:{@code port}. */
    static RawWs connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return new RawWs(s);
    }

    /** The end of an accepted socket. */
    RawWs(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Sends an upgrade request for {@code path} with extra header lines; returns the response head. */
    String upgrade(String path, String... headerLines) throws IOException {
        StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + socket.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY
                + "\r\nSec-WebSocket-Version: 13\r\n");
        for (String h : headerLines) {
            req.append(h).append("\r\n");
        }
        writeText(req.append("\r\n").toString());
        return readHead();
    }

    /** Reads an HTTP head up to the blank line. */
    String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("EOF in HTTP head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Answers an upgrade request head with {@code 101}. */
    void accept(String requestHead) throws IOException {
        String key = null;
        for (String line : requestHead.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        writeText("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n\r\n");
    }

    static String acceptKey(String key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    void writeText(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Writes raw bytes given as hex. */
    void writeHex(String hex) throws IOException {
        out.write(HexFormat.of().parseHex(hex.replace(" ", "")));
        out.flush();
    }

    /** Sends one final frame of {@code opcode}, masked as a client must (payload under 126 bytes). */
    void sendMasked(int opcode, String payloadHex) throws IOException {
        sendFrame(0x80 | opcode, payloadHex);
    }

    /** Sends one masked frame whose first byte (FIN bit and opcode) is {@code first} (payload under 126 bytes). */
    void sendFrame(int first, String payloadHex) throws IOException {
        byte[] p = HexFormat.of().parseHex(payloadHex.replace(" ", ""));
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(first);
        f.write(0x80 | p.length);
        f.write(MASK, 0, 4);
        for (int i = 0; i < p.length; i++) {
            f.write(p[i] ^ MASK[i % 4]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    /** Writes {@code bytes} as they are. */
    void writeBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * What the next read sees: {@code "eof"} when the other side shut its output down in order (a
     * FIN), {@code "reset: ..."} when the connection was reset, else the byte read, in hex.
     */
    String nextRead() throws IOException {
        try {
            int b = in.read();
            return b < 0 ? "eof" : String.format("%02x", b);
        } catch (java.net.SocketException e) {
            return "reset: " + e.getMessage();
        }
    }

    /** Reads exactly {@code n} bytes as hex. */
    String read(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new IOException("EOF after " + b.length + " of " + n + " bytes");
        }
        return HexFormat.of().formatHex(b);
    }

    /** Reads one frame (payload under 126 bytes); returns {@code "<first byte hex>:<unmasked payload hex>"}. */
    String readFrame() throws IOException {
        byte[] h = HexFormat.of().parseHex(read(2));
        int len = h[1] & 0x7F;
        byte[] mask = (h[1] & 0x80) != 0 ? HexFormat.of().parseHex(read(4)) : null;
        byte[] p = HexFormat.of().parseHex(read(len));
        if (mask != null) {
            for (int i = 0; i < p.length; i++) {
                p[i] ^= mask[i % 4];
            }
        }
        return String.format("%02x:", h[0] & 0xFF) + HexFormat.of().formatHex(p);
    }

    /**
     * Reads until the other side closes; fails when it does not within 5 s.
     *
     * @return the number of bytes read (and discarded) before the close
     */
    int awaitClose() throws IOException {
        byte[] buf = new byte[4096];
        int discarded = 0;
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                discarded += n;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection did not close within 5 s", e);
        } catch (IOException e) {
            // reset: closed too
        }
        return discarded;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
