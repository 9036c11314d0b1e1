package io.cellnet.netty.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellnet.SessionConnected;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.UdpAcceptorBuilder;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * Raw datagrams of the UDP tests: plain sockets on 127.0.0.1 and the bytes they carry, as hex; and
 * the peers they talk to, built on the test's {@link CellnetPeersExtension}.
 */
final class Datagrams {
    /** {@code main.TestEchoACK{"hello",1234}} as a udp.ltv datagram with the binary body. */
    static final String HELLO = "0f00 4112 0500 68656c6c6f d2040000";

    private Datagrams() {
    }

    /** A plain datagram socket on 127.0.0.1 whose receives wait at most 5 s; {@code net} closes it after the test. */
    static DatagramSocket socket(CellnetPeersExtension net) {
        try {
            DatagramSocket s = net.closeAfterTest(
                    new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
            s.setSoTimeout(5000);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started acceptor on {@code net} that records every event in {@code events} and echoes every user message. */
    static UdpAcceptor echoServer(CellnetPeersExtension net, RecordingEventCallback events) {
        return echoServer(net, events, b -> b);
    }

    /** {@link #echoServer(CellnetPeersExtension, RecordingEventCallback)}, set up by {@code more}. */
    static UdpAcceptor echoServer(CellnetPeersExtension net, RecordingEventCallback events,
            UnaryOperator<UdpAcceptorBuilder> more) {
        return net.start(net.udpAcceptor(Echo.everything(events), more));
    }

    /** A started connector on {@code net} to {@code port} whose {@code SessionConnected} was taken from {@code events}. */
    static UdpConnector connected(CellnetPeersExtension net, int port, RecordingEventCallback events) {
        UdpConnector client = net.udpConnector(port, events, b -> b);
        client.start().join();
        events.expect(SessionConnected.class);
        return client;
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
