package io.cellnet.examples.jmh;

import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.netty.codec.ByteBufCodec;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.codec.json.JsonCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Encode and decode of {@code main.TestEchoACK{"hello",1234}} with the json and binary codecs, on
 * direct buffers as the transmitters use them.
 *
 * <p>Thread safety: JMH state, one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark extends BenchmarkDefaults {
    @Param({"json", "binary"})
    public String codec;

    private ByteBufCodec impl;
    private final TestEchoAck message = new TestEchoAck("hello", 1234);
    private ByteBuf encoded;
    private ByteBuf out;

    @Setup(Level.Trial)
    public void setUp() {
        impl = codec.equals("json") ? JsonCodec.INSTANCE : BinaryCodec.INSTANCE;
        encoded = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        impl.encode(message, encoded);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(64);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encoded.release();
        out.release();
    }

    @Benchmark
    public int encode() {
        out.clear();
        impl.encode(message, out);
        return out.writerIndex();
    }

    @Benchmark
    public TestEchoAck decode() {
        return impl.decode(encoded, TestEchoAck.class);
    }
}
