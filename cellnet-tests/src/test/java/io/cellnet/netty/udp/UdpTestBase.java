package io.cellnet.netty.udp;

import io.cellnet.UdpAcceptor;
import io.cellnet.netty.UdpAcceptorBuilder;
import io.cellnet.UdpConnector;
import io.cellnet.netty.UdpConnectorBuilder;
import io.cellnet.netty.UdpPeers;

import static org.awaitility.Awaitility.await;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.SystemMessage;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.NoLeaksExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * UDP peers for a test on 127.0.0.1:0, all on one accounting allocator: after each test every peer
 * is stopped and the allocator must hold no memory (no buffer leaked).
 */
@ExtendWith(NoLeaksExtension.class)
abstract class UdpTestBase {
    /** {@code main.TestEchoACK{"hello",1234}} as a udp.ltv datagram with the binary body. */
    static final String HELLO = "0f00 4112 0500 68656c6c6f d2040000";

    MessageRegistry registry = NetFixtures.registry();
    final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private final List<Peer> peers = new ArrayList<>();
    private final List<EventQueue> queues = new ArrayList<>();
    private final List<DatagramSocket> sockets = new ArrayList<>();

    EventQueue queue(String name) {
        EventQueue q = EventQueue.create(name).startLoop();
        queues.add(q);
        return q;
    }

    UdpAcceptor acceptor(EventCallback callback, UnaryOperator<UdpAcceptorBuilder> more) {
        UdpAcceptor a = more.apply(UdpPeers.acceptor().name("server").address("127.0.0.1:0").registry(registry)
                .option(ChannelOption.ALLOCATOR, alloc).callback(callback)).build();
        peers.add(a);
        return a;
    }

    UdpAcceptor startedAcceptor(EventCallback callback) {
        UdpAcceptor a = acceptor(callback, b -> b);
        a.start().join();
        return a;
    }

    UdpConnector connector(int port, EventCallback callback, UnaryOperator<UdpConnectorBuilder> more) {
        UdpConnector c = more.apply(UdpPeers.connector().name("client").address("127.0.0.1:" + port)
                .registry(registry).option(ChannelOption.ALLOCATOR, alloc).callback(callback)).build();
        peers.add(c);
        return c;
    }

    /** A callback that records every event and echoes every user message. */
    static EventCallback echo(RecordingEventCallback events) {
        return ev -> {
            events.onEvent(ev);
            if (!(ev.message() instanceof SystemMessage)) {
                ev.reply(ev.message());
            }
        };
    }

    /** A plain datagram socket on 127.0.0.1 whose receives wait at most 5 s. */
    DatagramSocket socket() throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(5000);
        sockets.add(s);
        return s;
    }

    static void send(DatagramSocket s, int port, String hex) throws IOException {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    static void send(DatagramSocket s, int port, byte[] b) throws IOException {
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    /** The next datagram, as hex; fails after 5 s. */
    static String receive(DatagramSocket s) throws IOException {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        return HexFormat.of().formatHex(Arrays.copyOf(buf, p.getLength()));
    }

    static String hex(String spaced) {
        return spaced.replace(" ", "");
    }

    @AfterEach
    void stopEverything() {
        for (int i = peers.size() - 1; i >= 0; i--) {
            NetFixtures.stop(peers.get(i));
        }
        queues.forEach(EventQueue::close);
        sockets.forEach(DatagramSocket::close);
        await("all buffers released").atMost(Duration.ofSeconds(5))
                .until(() -> alloc.metric().usedDirectMemory() == 0 && alloc.metric().usedHeapMemory() == 0);
    }
}
