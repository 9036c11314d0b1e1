package io.cellnet.examples.bench;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.TcpAcceptor;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.QueueKind;
import io.cellnet.metrics.CellnetMetrics;
import io.cellnet.netty.TcpAcceptorBuilder;
import io.cellnet.netty.TcpPeers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The cellnet echo server: a {@code tcp.Acceptor} with the {@code tcp.ltv} processor whose callback
 * answers every {@code TestEchoAck} with {@code ev.reply(msg)}, on one {@link EventQueue} of the
 * given kind ({@link QueueKind}): a queue thread fed by {@code threads} I/O threads (the
 * game-server model), the event loop the connections run on, or the I/O threads themselves.
 *
 * <p>Thread safety: {@link #close} may be called from any thread.
 */
final class CellnetEchoServer implements EchoServer {
    static final String QUEUE = "bench-queue";
    /** The target suffix that binds cellnet-metrics. */
    static final String METRICS = "-metrics";

    private final EventQueue queue;
    private final @Nullable EventLoopGroup group;
    private final TcpAcceptor acceptor;
    private final AllocationMeter meter = new AllocationMeter(List.of("cellnet-acceptor", QUEUE));
    private final @Nullable MeterRegistry meters;
    private final @Nullable AutoCloseable metricsBinding;

    /**
     * A server on a queue of {@code target}: a queue kind, or a queue kind followed by
     * {@code -metrics}, with cellnet-metrics bound to a registry first (the meters' cost).
     */
    CellnetEchoServer(MessageRegistry registry, String target, int threads) {
        String queueKind = target.endsWith(METRICS) ? target.substring(0, target.length() - METRICS.length()) : target;
        meters = target.endsWith(METRICS) ? new SimpleMeterRegistry() : null;
        metricsBinding = meters != null ? CellnetMetrics.bind(meters) : null;
        queue = QueueKind.create(queueKind, QUEUE);
        TcpAcceptorBuilder b = TcpPeers.acceptor().name("bench").address("127.0.0.1:0").registry(registry).queue(queue)
                .callback(ev -> {
                    if (ev.message() instanceof TestEchoAck) {
                        ev.reply(ev.message());
                    }
                });
        // a loop queue runs the connections on its own event loop: no I/O group at all
        group = queueKind.equals("loop") ? null : NettyIo.chosen().newGroup("cellnet-acceptor-bench", threads);
        if (group != null) {
            b.eventLoopGroup(group);
            if (meters != null) {
                CellnetMetrics.bindNetty(meters, group);
            }
        }
        acceptor = b.build();
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
    public long allocatedBytes() {
        return meter.allocatedBytes();
    }

    @Override
    public long cpuNanos() {
        return meter.cpuNanos();
    }

    @Override
    public void close() {
        acceptor.close();
        queue.close();
        if (metricsBinding != null && meters != null) {
            try {
                metricsBinding.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            meters.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
