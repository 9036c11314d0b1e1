package io.cellnet.netty.tcp;

import io.cellnet.netty.TcpAcceptorBuilder;
import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.netty.TcpPeers;

import static org.awaitility.Awaitility.await;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.NoLeaksExtension;
import io.cellnet.netty.OpenChannels;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TCP peers for a test on 127.0.0.1, all on one accounting allocator: after each test every peer
 * is stopped, every connection channel they opened must be closed, and the allocator must hold no
 * memory (no buffer leaked).
 */
@ExtendWith(NoLeaksExtension.class)
abstract class TcpTestBase {
    final MessageRegistry registry = NetFixtures.registry();
    final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    /** Every connection channel of the peers built here, unless a test sets its own pipeline configurer. */
    final OpenChannels channels = new OpenChannels();
    private final List<Peer> peers = new ArrayList<>();
    private final List<EventQueue> queues = new ArrayList<>();

    EventQueue queue(String name) {
        EventQueue q = EventQueue.create(name).startLoop();
        queues.add(q);
        return q;
    }

    TcpAcceptor acceptor(EventCallback callback, UnaryOperator<TcpAcceptorBuilder> more) {
        TcpAcceptor a = more.apply(TcpPeers.acceptor().name("server").address("127.0.0.1:0").registry(registry)
                .option(ChannelOption.ALLOCATOR, alloc).pipeline(channels).callback(callback)).build();
        peers.add(a);
        return a;
    }

    TcpAcceptor startedAcceptor(EventCallback callback) {
        TcpAcceptor a = acceptor(callback, b -> b);
        a.start().join();
        return a;
    }

    TcpConnector connector(int port, EventCallback callback, UnaryOperator<TcpConnectorBuilder> more) {
        return connector(TcpPeers.connector(), port, callback, more);
    }

    /** A {@code tcp.SyncConnector}: its {@code start()} waits for the connection. */
    TcpConnector syncConnector(int port, EventCallback callback, UnaryOperator<TcpConnectorBuilder> more) {
        return connector(TcpPeers.syncConnector(), port, callback, more);
    }

    private TcpConnector connector(TcpConnectorBuilder builder, int port, EventCallback callback,
            UnaryOperator<TcpConnectorBuilder> more) {
        TcpConnector c = more.apply(builder.name("client").address("127.0.0.1:" + port)
                .registry(registry).option(ChannelOption.ALLOCATOR, alloc).pipeline(channels).callback(callback)).build();
        peers.add(c);
        return c;
    }

    TcpConnector startedConnector(int port, EventCallback callback) {
        TcpConnector c = connector(port, callback, b -> b);
        c.start().join();
        return c;
    }

    /** A port that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @AfterEach
    void stopEverything() {
        for (int i = peers.size() - 1; i >= 0; i--) {
            NetFixtures.stop(peers.get(i));
        }
        queues.forEach(EventQueue::close);
        channels.assertAllClosed();
        await("all buffers released").atMost(Duration.ofSeconds(5))
                .until(() -> alloc.metric().usedDirectMemory() == 0 && alloc.metric().usedHeapMemory() == 0);
    }
}
