package io.cellnet.examples.bench;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.TcpAcceptor;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.netty.TcpPeers;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cellnet echo server: a {@code tcp.Acceptor} with the {@code tcp.ltv} processor whose callback
 * answers every {@code TestEchoAck} with {@code ev.reply(msg)} — on one {@link EventQueue} (the
 * game-server model) or, {@code direct}, on the I/O thread.
 *
 * <p>Thread safety: {@link #close} may be called from any thread.
 */
final class CellnetEchoServer implements EchoServer {
    static final String QUEUE = "bench-queue";

    private final EventQueue queue;
    private final EventLoopGroup group;
    private final TcpAcceptor acceptor;

    CellnetEchoServer(MessageRegistry registry, boolean direct, int threads) {
        queue = direct ? EventQueue.direct() : EventQueue.create(QUEUE).startLoop();
        group = NettyIo.chosen().newGroup("cellnet-acceptor-bench", threads);
        acceptor = TcpPeers.acceptor().name("bench").address("127.0.0.1:0").registry(registry).queue(queue)
                .eventLoopGroup(group)
                .callback(ev -> {
                    if (ev.message() instanceof TestEchoAck) {
                        ev.reply(ev.message());
                    }
                }).build();
        acceptor.start().join();
    }

    @Override
    public int port() {
        return acceptor.port();
    }

    @Override
    public int connections() {
        return acceptor.sessionCount();
    }

    @Override
    public List<String> threadPrefixes() {
        List<String> p = new ArrayList<>(List.of("cellnet-acceptor"));
        p.add(QUEUE);
        return p;
    }

    @Override
    public void close() {
        acceptor.close();
        queue.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
