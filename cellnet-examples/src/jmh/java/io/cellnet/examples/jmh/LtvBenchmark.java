package io.cellnet.examples.jmh;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.TcpAcceptor;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.EchoMessages;
import io.cellnet.examples.bench.LtvFrames;
import io.cellnet.netty.LocalPeers;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The {@code tcp.ltv} processor as a user runs it, in memory: an in-memory acceptor
 * ({@link LocalPeers}, {@link EventQueue#direct()}) answers each {@code main.TestEchoACK} with
 * {@code ev.reply(msg)}, and a plain Netty client writes {@link #BATCH} frames in one write and
 * waits for all their echoes. Client and server share one event loop, so an operation is the
 * server's work for one message: split the frame, look the id up, decode, run the hookers and the
 * callback, then encode and frame the reply, hookers included, and write it (one flush per read).
 *
 * <p>Thread safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LtvBenchmark extends BenchmarkDefaults {
    static final int BATCH = 64;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Param({"json", "binary"})
    public String codec;

    private EventLoopGroup loop;
    private TcpAcceptor server;
    private Channel client;
    private ByteBuf frames;
    private final Echoes echoes = new Echoes();
    private long expected;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        MessageRegistry registry = EchoMessages.registry(codec);
        byte[] frame = LtvFrames.encode(new TestEchoAck("hello", 1234), registry);
        frames = PooledByteBufAllocator.DEFAULT.directBuffer(frame.length * BATCH);
        for (int i = 0; i < BATCH; i++) {
            frames.writeBytes(frame);
        }
        loop = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        String address = "jmh-ltv-" + codec;
        server = LocalPeers.acceptor().address(address).registry(registry).eventLoopGroup(loop)
                .callback(ev -> {
                    if (ev.message() instanceof TestEchoAck) {
                        ev.reply(ev.message());
                    }
                }).build();
        server.start().join();
        client = new Bootstrap().group(loop).channel(LocalChannel.class).handler(echoes)
                .connect(new LocalAddress(address)).sync().channel();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        client.close().sync();
        server.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        frames.release();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long echoBatch() {
        expected += frames.readableBytes();
        client.writeAndFlush(frames.retainedDuplicate(), client.voidPromise());
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        long received;
        while ((received = echoes.bytes) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("echoed " + received + " of " + expected + " bytes in 10 s");
            }
            Thread.onSpinWait();
        }
        return received;
    }

    /** Counts the echoed bytes (the echo of a frame is the frame: same message, same codec). */
    private static final class Echoes extends ChannelInboundHandlerAdapter {
        private volatile long bytes;

        @Override
        public boolean isSharable() {
            return true;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long n = ((ByteBuf) msg).readableBytes();
            ReferenceCountUtil.release(msg);
            bytes += n;           // only the event loop writes
        }
    }
}
