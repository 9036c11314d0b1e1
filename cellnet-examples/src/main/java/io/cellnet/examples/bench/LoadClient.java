package io.cellnet.examples.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's load generator: {@code conns} connections, each keeping {@code window} frames in
 * flight (1 = ping-pong), every echoed frame compared byte for byte with the one sent. Latency is
 * the time from a frame's write to its echo's arrival (echoes return in order per connection). The
 * frames echoed in one read are sent again, together, when the read completes.
 *
 * <p>Thread safety: {@link #run} is called from one thread; handlers run on the client's event loop.
 */
final class LoadClient {
    private final String host;
    private final int port;
    private final ByteBuf template;
    private final int conns;
    private final int window;
    private final int threads;
    private volatile boolean measuring;
    private volatile boolean stopped;
    private volatile @Nullable String failure;

    LoadClient(String host, int port, ByteBuf template, int conns, int window, int threads) {
        this.host = host;
        this.port = port;
        this.template = template;
        this.conns = conns;
        this.window = window;
        this.threads = threads;
    }

    /**
     * What one run measured.
     *
     * @param messages echoes received in the window
     * @param seconds  the window's length
     * @param latency  latency of those echoes, µs
     * @param failure  why the run failed, or {@code null}
     */
    record Result(long messages, double seconds, Histogram latency, @Nullable String failure) {
        double perSecond() {
            return messages / seconds;
        }
    }

    Result run(Duration warmup, Duration measure, Runnable onWindowStart, Runnable onWindowEnd)
            throws InterruptedException {
        NettyIo io = NettyIo.chosen();
        EventLoopGroup group = io.newGroup("bench-client", threads);
        List<Conn> handlers = new ArrayList<>();
        try {
            Bootstrap b = new Bootstrap().group(group).channel(io.channel())
                    .option(ChannelOption.TCP_NODELAY, true);
            for (int i = 0; i < conns; i++) {
                Conn c = new Conn();
                handlers.add(c);
                b.handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(c);
                    }
                }).connect(host, port).sync();
            }
            TimeUnit.NANOSECONDS.sleep(warmup.toNanos());
            onWindowStart.run();
            long start = System.nanoTime();
            measuring = true;
            TimeUnit.NANOSECONDS.sleep(measure.toNanos());
            measuring = false;
            long end = System.nanoTime();
            onWindowEnd.run();
            stopped = true;
            Histogram all = newHistogram();
            long total = 0;
            for (Conn c : handlers) {
                c.channel().eventLoop().submit(() -> null).sync();
                all.add(c.latency);
                total += c.received;
            }
            return new Result(total, (end - start) / 1e9, all, failure);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** A histogram of µs latencies up to 100 s, 3 significant digits. */
    static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toMicros(100), 3);
    }

    /**
     * One connection: keeps {@code window} frames in flight and checks each echo. Frames are checked
     * where they arrive in the cumulation, without a slice per frame, and the echoes of one read are
     * answered by one write of that many copies of the frame (a slice of {@link #copies}), so that the
     * client spends as little of the shared machine per message as it can.
     */
    private final class Conn extends ByteToMessageDecoder {
        private final long[] sentAt = new long[window];
        private final Histogram latency = newHistogram();
        private final int frameLength = template.readableBytes();
        private final ByteBuf copies;
        private long head;
        private long tail;
        private long received;
        private int due;
        private @Nullable Channel channel;

        Conn() {
            copies = Unpooled.directBuffer(frameLength * window);
            for (int i = 0; i < window; i++) {
                copies.writeBytes(template, template.readerIndex(), frameLength);
            }
        }

        Channel channel() {
            return java.util.Objects.requireNonNull(channel);
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            channel = ctx.channel();
            due = window;
            sendDue(ctx);
            super.channelActive(ctx);
        }

        private void sendDue(ChannelHandlerContext ctx) {
            if (due == 0) {
                return;
            }
            long now = System.nanoTime();
            for (int i = 0; i < due; i++) {
                sentAt[(int) (tail++ % window)] = now;
            }
            ctx.writeAndFlush(copies.retainedSlice(0, due * frameLength), ctx.voidPromise());
            due = 0;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            while (in.readableBytes() >= 2) {
                int at = in.readerIndex();
                int length = 2 + in.getUnsignedShortLE(at);
                if (in.readableBytes() < length) {
                    return;
                }
                boolean same = length == frameLength && ByteBufUtil.equals(in, at, template, template.readerIndex(), length);
                in.skipBytes(length);
                long sent = sentAt[(int) (head++ % window)];
                if (!same) {
                    failure = "echoed frame differs from the frame sent";
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                    return;
                }
                if (measuring) {
                    received++;
                    latency.recordValue(Math.min(latency.getHighestTrackableValue(), (System.nanoTime() - sent) / 1000));
                }
                if (!stopped) {
                    due++;
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            super.channelReadComplete(ctx);
            if (ctx.channel().isActive()) {
                sendDue(ctx);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!stopped && failure == null) {
                failure = "server closed a connection";
            }
            super.channelInactive(ctx);
        }

        @Override
        protected void handlerRemoved0(ChannelHandlerContext ctx) {
            copies.release();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure = cause.toString();
            ctx.close();
        }
    }
}
