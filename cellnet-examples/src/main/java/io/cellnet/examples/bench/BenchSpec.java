package io.cellnet.examples.bench;

import io.cellnet.MessageRegistry;
import io.cellnet.examples.Args;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.examples.EchoMessages;
import io.cellnet.examples.Option;
import io.cellnet.examples.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;

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
    static final Option TARGET = Option.of("target", "cellnet|cellnet-direct|raw|external", "cellnet",
            "server to drive (idle: not external)");
    static final Option ADDRESS = Option.of("address", "HOST:PORT", "",
            "the external server: a tcp.ltv echo of main.TestEchoACK, such as Go's");
    static final Option MODE = Option.of("mode", "pingpong|pipeline", "pingpong",
            "one message in flight per connection, or --window of them");
    static final Option CONNS = Option.of("conns", "N", "1", "connections (bench idle: 10000 unless given)");
    static final Option WINDOW = Option.of("window", "W", "32", "messages in flight per connection (pipeline)");
    static final Option SECONDS = Option.of("seconds", "S", "5", "measured time");
    static final Option WARMUP = Option.of("warmup", "S", "2", "time before measuring");
    static final Option CLIENT_THREADS = Option.of("client-threads", "N", "1", "I/O threads of the load client");
    static final Option SERVER_THREADS = Option.of("server-threads", "N", "",
            "I/O threads of the in-process server, raw and cellnet alike (default: the cores)");
    static final Option CODEC = Option.of("codec", "json|binary", "json", "codec of main.TestEchoACK");
    static final Option BODY_SIZE = Option.of("body-size", "BYTES", "0",
            "message body size; 0 = TestEchoACK{\"hello\",1234}");
    /** What every run reads; {@code bench idle} refuses those it does not use. */
    static final List<Option> OPTIONS = List.of(TARGET, ADDRESS, MODE, CONNS, WINDOW, SECONDS, WARMUP, CLIENT_THREADS,
            SERVER_THREADS, CODEC, BODY_SIZE);

    static BenchSpec from(Args args) {
        String mode = args.choice(MODE);
        if (mode.equals("pingpong")) {
            args.refuse("--mode pingpong", WINDOW);
        }
        String target = args.choice(TARGET);
        String address = args.get(ADDRESS, a -> a.isEmpty() ? a : Transport.TCP.checkAddress(a));
        if (target.equals("external") != !address.isEmpty()) {
            throw new IllegalArgumentException(address.isEmpty() ? "--target external needs --address HOST:PORT"
                    : "--address is the external server's: it needs --target external");
        }
        return new BenchSpec(target, address, mode, args.getPositiveInt(CONNS),
                mode.equals("pingpong") ? 1 : args.getPositiveInt(WINDOW),
                Duration.ofSeconds(args.getInt(WARMUP, 0)), Duration.ofSeconds(args.getPositiveInt(SECONDS)),
                args.choice(CODEC), args.getInt(BODY_SIZE, 0), args.getPositiveInt(CLIENT_THREADS), serverThreads(args));
    }

    /** The {@link #SERVER_THREADS} option's value. */
    static int serverThreads(Args args) {
        return args.isGiven(SERVER_THREADS) ? args.getPositiveInt(SERVER_THREADS)
                : Runtime.getRuntime().availableProcessors();
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
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(LtvFrames.encode(message(), registry())).asReadOnly());
    }
}
