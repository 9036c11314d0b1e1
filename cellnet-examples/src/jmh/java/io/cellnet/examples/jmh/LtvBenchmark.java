package io.cellnet.examples.jmh;

import io.cellnet.Address;
import io.cellnet.MessageRegistry;
import io.cellnet.examples.EchoMessages;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.netty.internal.TransmitterSettings;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tcp.ltv transmitter: encoding one frame (header + codec) into a buffer, and the inbound
 * decoder splitting and decoding a read of {@link #BATCH} frames through a real pipeline.
 *
 * <p>Thread safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LtvBenchmark {
    static final int BATCH = 64;

    @Param({"json", "binary"})
    public String codec;

    private MessageRegistry registry;
    private final TestEchoAck message = new TestEchoAck("hello", 1234);
    private ByteBuf out;
    private ByteBuf frames;
    private EmbeddedChannel channel;

    @Setup(Level.Trial)
    public void setUp() {
        registry = EchoMessages.registry(codec);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        frames = PooledByteBufAllocator.DEFAULT.directBuffer(64 * BATCH);
        for (int i = 0; i < BATCH; i++) {
            LtvTransmitter.INSTANCE.encode(message, registry, frames);
        }
        channel = new EmbeddedChannel();
        LtvTransmitter.INSTANCE.initChannel(channel.pipeline(),
                new TransmitterSettings(registry, 0, "jmh", Address.parse("127.0.0.1:0"), false));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
        frames.release();
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public int encodeFrame() {
        out.clear();
        LtvTransmitter.INSTANCE.encode(message, registry, out);
        return out.writerIndex();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object decodeFrames() {
        channel.writeInbound(frames.retainedDuplicate());
        Object last = null;
        for (Object m; (m = channel.readInbound()) != null; ) {
            last = m;
        }
        return last;
    }
}
