package io.cellnet.examples.bench;

import io.cellnet.MessageRegistry;
import io.cellnet.examples.Args;
import io.cellnet.examples.EchoMessages;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.netty.internal.ltv.LtvTransmitter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;

/**
 * The settings of one benchmark run, read from the command line.
 *
 * <p>Thread safety: immutable.
 *
 * @param target        cellnet, cellnet-direct, raw or external
 * @param address       the external server's HOST:PORT
 * @param mode          pingpong or pipeline
 * @param conns         connections
 * @param window        frames in flight per connection (1 in ping-pong)
 * @param warmup        time before measuring
 * @param measure       measured time
 * @param codec         json or binary
 * @param bodySize      body size in bytes, or 0 for {@code TestEchoAck{"hello",1234}}
 * @param clientThreads client I/O threads
 * @param serverThreads the in-process server's I/O threads
 */
record BenchSpec(String target, String address, String mode, int conns, int window, Duration warmup, Duration measure,
        String codec, int bodySize, int clientThreads, int serverThreads) {

    static BenchSpec from(Args args) {
        String mode = args.get("mode", "pingpong");
        if (!mode.equals("pingpong") && !mode.equals("pipeline")) {
            throw new IllegalArgumentException("--mode is pingpong or pipeline, not '" + mode + "'");
        }
        int window = mode.equals("pingpong") ? 1 : args.getInt("window", 32);
        return new BenchSpec(args.get("target", "cellnet"), args.get("address", ""), mode, args.getInt("conns", 1),
                window, Duration.ofSeconds(args.getInt("warmup", 2)), Duration.ofSeconds(args.getInt("seconds", 5)),
                args.get("codec", "json"), args.getInt("body-size", 0), args.getInt("client-threads", 1),
                args.getInt("server-threads", Runtime.getRuntime().availableProcessors()));
    }

    BenchSpec withTarget(String newTarget) {
        return new BenchSpec(newTarget, address, mode, conns, window, warmup, measure, codec, bodySize, clientThreads,
                serverThreads);
    }

    MessageRegistry registry() {
        return EchoMessages.registry(codec);
    }

    /** The message every frame carries. */
    TestEchoAck message() {
        if (bodySize <= 0) {
            return new TestEchoAck("hello", 1234);
        }
        int overhead = codec.equals("json") ? "{\"Msg\":\"\",\"Value\":1234}".length() : 6;
        return new TestEchoAck("x".repeat(Math.max(0, bodySize - overhead)), 1234);
    }

    /** The frame every connection sends, as Go's tcp.ltv encodes it. */
    ByteBuf frame() {
        ByteBuf buf = Unpooled.buffer();
        LtvTransmitter.INSTANCE.encode(message(), registry(), buf);
        return Unpooled.unreleasableBuffer(buf.asReadOnly());
    }
}
