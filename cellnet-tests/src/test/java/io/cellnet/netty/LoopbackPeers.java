package io.cellnet.netty;

import static org.awaitility.Awaitility.await;

import io.cellnet.EventQueue;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.codec.Codec;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * TCP peers on 127.0.0.1:0 for one test, registered with {@code @RegisterExtension} on an instance
 * field (or closed by the test): after each test every peer is stopped, every queue closed, every
 * connection channel of the peers (recorded by {@link OpenChannels}, unless the test sets its own
 * pipeline configurer) must be closed, and the accounting allocator they all use must hold no
 * memory (no leaked buffer).
 */
public final class LoopbackPeers implements AfterEachCallback, AutoCloseable {
    private final MessageRegistry registry;
    private final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private final OpenChannels channels = new OpenChannels();
    private final List<Peer> peers = new ArrayList<>();
    private final List<EventQueue> queues = new ArrayList<>();

    public LoopbackPeers(MessageRegistry registry) {
        this.registry = registry;
    }

    /** A fresh registry holding {@code main.TestEchoACK} (id 4673) in {@code codec}, nothing else. */
    public static MessageRegistry echoRegistry(Codec codec) {
        MessageRegistry r = MessageRegistry.create();
        r.register(MessageMeta.of(TestEchoAck.class, "main.TestEchoACK", codec));
        return r;
    }

    public MessageRegistry registry() {
        return registry;
    }

    /** A started queue, closed after the test. */
    public EventQueue queue(String name) {
        EventQueue q = EventQueue.create(name).startLoop();
        queues.add(q);
        return q;
    }

    /** A started acceptor named {@code name} on an ephemeral port. */
    public TcpAcceptor acceptor(String name, UnaryOperator<TcpAcceptorBuilder> more) {
        TcpAcceptor a = more.apply(TcpPeers.acceptor().name(name).address("127.0.0.1:0").registry(registry)
                .option(ChannelOption.ALLOCATOR, alloc).pipeline(channels)).build();
        peers.add(a);
        a.start().join();
        return a;
    }

    /** A started connector named {@code name} dialling {@code port}. */
    public TcpConnector connector(String name, int port, UnaryOperator<TcpConnectorBuilder> more) {
        TcpConnector c = more.apply(TcpPeers.connector().name(name).address("127.0.0.1:" + port).registry(registry)
                .option(ChannelOption.ALLOCATOR, alloc).pipeline(channels)).build();
        peers.add(c);
        c.start().join();
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /**
     * Stops every peer, closes every queue and checks that every connection channel the peers
     * opened is closed and every buffer was released.
     */
    @Override
    public void close() {
        for (int i = peers.size() - 1; i >= 0; i--) {
            NetFixtures.stop(peers.get(i));
        }
        queues.forEach(EventQueue::close);
        channels.assertAllClosed();
        await("all buffers released").atMost(Duration.ofSeconds(5))
                .until(() -> alloc.metric().usedDirectMemory() == 0 && alloc.metric().usedHeapMemory() == 0);
    }
}
