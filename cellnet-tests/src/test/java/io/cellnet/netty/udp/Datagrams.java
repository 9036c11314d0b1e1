package io.cellnet.netty.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;

/** Raw datagrams of the UDP tests: plain sockets on 127.0.0.1 and the bytes they carry, as hex. */
final class Datagrams {
    /** {@code main.TestEchoACK{"hello",1234}} as a udp.ltv datagram with the binary body. */
    static final String HELLO = "0f00 4112 0500 68656c6c6f d2040000";

    private Datagrams() {
    }

    /** A plain datagram socket on 127.0.0.1 whose receives wait at most 5 s; the caller closes it. */
    static DatagramSocket socket() {
        try {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.setSoTimeout(5000);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code hex} (spaces allowed) to 127.0.0.1:{@code port}. */
    static void send(DatagramSocket s, int port, String hex) throws IOException {
        send(s, port, HexFormat.of().parseHex(hex(hex)));
    }

    static void send(DatagramSocket s, int port, byte[] b) throws IOException {
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    /** Sends {@link #HELLO} from {@code s} to the echo server on {@code port} and asserts that it comes back. */
    static void helloEchoed(DatagramSocket s, int port) throws IOException {
        send(s, port, HELLO);
        assertEquals(hex(HELLO), receive(s), "the echo of HELLO");
    }

    /** The next datagram, as hex; fails after 5 s. */
    static String receive(DatagramSocket s) throws IOException {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        return HexFormat.of().formatHex(Arrays.copyOf(buf, p.getLength()));
    }

    /** {@code spaced} without its spaces. */
    static String hex(String spaced) {
        return spaced.replace(" ", "");
    }
}
