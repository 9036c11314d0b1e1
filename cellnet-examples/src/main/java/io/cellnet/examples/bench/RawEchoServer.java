package io.cellnet.examples.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline: a minimal, well-written raw-Netty tcp.ltv echo server. A length-field decoder
 * slices each frame ({@code [size u16 LE]} counts the bytes after it), the handler writes the
 * retained slice back untouched, and flushes once per read batch. It decodes no message, so it is
 * the lower bound of what any LTV server must cost.
 *
 * <p>Thread safety: {@link #close} may be called from any thread.
 */
final class RawEchoServer implements EchoServer {
    static final String THREADS = "bench-raw";

    private final NettyIo io = NettyIo.chosen();
    private final EventLoopGroup boss = io.newGroup(THREADS + "-boss", 1);
    private final EventLoopGroup workers;
    private final Channel channel;
    private final AtomicInteger open = new AtomicInteger();
    private final AllocationMeter meter = new AllocationMeter(List.of(THREADS));

    RawEchoServer(int threads) throws InterruptedException {
        workers = io.newGroup(THREADS, threads);
        channel = new ServerBootstrap().group(boss, workers).channel(io.serverChannel())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        open.incrementAndGet();
                        ch.closeFuture().addListener(f -> open.decrementAndGet());
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(ByteOrder.LITTLE_ENDIAN, 0xFFFF + 2, 0, 2,
                                0, 0, true), Echo.INSTANCE);
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public int connections() {
        return open.get();
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
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Writes each frame back; flushes per read batch. */
    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        static final Echo INSTANCE = new Echo();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }
}
