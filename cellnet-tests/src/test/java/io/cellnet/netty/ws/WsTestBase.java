package io.cellnet.netty.ws;

import io.cellnet.netty.WsPeers;

import static org.awaitility.Awaitility.await;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.Peer;
import io.cellnet.SystemMessage;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.NoLeaksExtension;
import io.cellnet.netty.TcpAcceptorBuilder;
import io.cellnet.netty.TcpConnectorBuilder;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WebSocket peers for a test on 127.0.0.1:0 (path {@code /ws}), all on one accounting allocator:
 * after each test every peer is stopped and the allocator must hold no memory.
 */
@ExtendWith(NoLeaksExtension.class)
abstract class WsTestBase {
    /** {@code main.TestEchoACK{"hello",1234}} as a ws.ltv message: msgid then the binary body. */
    static final String HELLO = "4112050068656c6c6fd2040000";

    final MessageRegistry registry = NetFixtures.registry();
    final UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(true);
    private final List<Peer> peers = new ArrayList<>();
    private final List<EventQueue> queues = new ArrayList<>();

    EventQueue queue(String name) {
        EventQueue q = EventQueue.create(name).startLoop();
        queues.add(q);
        return q;
    }

    TcpAcceptor acceptor(EventCallback callback, WsOptions options, UnaryOperator<TcpAcceptorBuilder> more) {
        TcpAcceptor a = more.apply(WsPeers.acceptor(options).name("server").address("127.0.0.1:0/ws").registry(registry)
                .option(ChannelOption.ALLOCATOR, alloc).callback(callback)).build();
        peers.add(a);
        return a;
    }

    TcpAcceptor startedAcceptor(EventCallback callback) {
        TcpAcceptor a = acceptor(callback, WsOptions.DEFAULT, b -> b);
        a.start().join();
        return a;
    }

    TcpConnector connector(String address, EventCallback callback, WsOptions options,
            UnaryOperator<TcpConnectorBuilder> more) {
        TcpConnector c = more.apply(WsPeers.connector(options).name("client").address(address).registry(registry)
                .option(ChannelOption.ALLOCATOR, alloc).callback(callback)).build();
        peers.add(c);
        return c;
    }

    TcpConnector startedConnector(TcpAcceptor server, EventCallback callback) {
        TcpConnector c = connector(address(server), callback, WsOptions.DEFAULT, b -> b);
        c.start().join();
        return c;
    }

    static String address(TcpAcceptor server) {
        return "ws://127.0.0.1:" + server.port() + "/ws";
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

    @AfterEach
    void stopEverything() {
        for (int i = peers.size() - 1; i >= 0; i--) {
            NetFixtures.stop(peers.get(i));
        }
        queues.forEach(EventQueue::close);
        await("all buffers released").atMost(Duration.ofSeconds(5))
                .until(() -> alloc.metric().usedDirectMemory() == 0 && alloc.metric().usedHeapMemory() == 0);
    }
}
