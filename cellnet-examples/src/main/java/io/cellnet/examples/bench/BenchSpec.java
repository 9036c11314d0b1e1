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
import org.jspecify.annotations.Nullable;

/**
 * The settings of one benchmark run, read from the command line.
 *
 * <p>Thread safety: immutable.
 *
 * @param target        raw, thread, loop, none (the cellnet queue kinds) or external
 * @param address       the external server's HOST:PORT
 * @param mode          pingpong or pipeline
 * @param conns         connections
 * @param window        frames in flight per connection (1 in ping-pong)
 * @param warmup        time before measuring
 * @param measure       measured time
 * @param codec         json or binary
 * @param bodySize      body size in bytes, or 0 for {@code TestEchoAck{"hello",1234}}
 * @param clientThreads client I/O threads
 * @param serverThreads the own server's I/O threads
 * @param serverJvm     where the own server runs: {@code child} (a JVM of its own) or {@code same}
 * @param serverJvmArgs extra options of the server's child JVM
 */
record BenchSpec(String target, String address, String mode, int conns, int window, Duration warmup, Duration measure,
        String codec, int bodySize, int clientThreads, int serverThreads, String serverJvm, List<String> serverJvmArgs) {
    static final Option TARGET = Option.of("target", "raw|thread|loop|none|thread-metrics|loop-metrics|external",
            "thread", "server to drive: raw Netty, cellnet with a queue thread, a loop queue or no queue (-metrics:"
                    + " with cellnet-metrics bound), or --address's (idle: not external)");
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
    static final Option SERVER_JVM = Option.of("server-jvm", "child|same", "child",
            "run the own server in a JVM of its own (as users do), or in the client's");
    static final Option SERVER_JVM_ARGS = Option.of("server-jvm-args", "'OPTIONS'", "",
            "options of the server's JVM (child), such as -XX:StartFlightRecording=...");
    /** What every run reads; {@code bench idle} refuses those it does not use. */
    static final List<Option> OPTIONS = List.of(TARGET, ADDRESS, MODE, CONNS, WINDOW, SECONDS, WARMUP, CLIENT_THREADS,
            SERVER_THREADS, CODEC, BODY_SIZE, SERVER_JVM, SERVER_JVM_ARGS);

    static BenchSpec from(Args args) {
        return from(args, null);
    }

    /**
     * The spec of {@code bench compare}, whose {@code targets} replace {@code --target}: {@code --address} goes
     * with {@code external} among them. {@code targets} is null for a single run ({@code --target}).
     */
    static BenchSpec from(Args args, @Nullable List<String> targets) {
        String mode = args.choice(MODE);
        if (mode.equals("pingpong")) {
            args.refuse("--mode pingpong", WINDOW);
        }
        String target = args.choice(TARGET);
        String address = args.get(ADDRESS, a -> a.isEmpty() ? a : Transport.TCP.checkAddress(a));
        String option = targets == null ? "--target" : "--targets";
        boolean external = targets == null ? target.equals("external") : targets.contains("external");
        if (external == address.isEmpty()) {
            throw new IllegalArgumentException(address.isEmpty() ? option + " external needs --address HOST:PORT"
                    : "--address is the external server's: it needs " + option + " external");
        }
        String serverJvm = args.choice(SERVER_JVM);
        if (serverJvm.equals("same")) {
            args.refuse("--server-jvm same", SERVER_JVM_ARGS);
        }
        List<String> jvmArgs = args.get(SERVER_JVM_ARGS).isBlank() ? List.of()
                : List.of(args.get(SERVER_JVM_ARGS).strip().split("\\s+"));
        return new BenchSpec(target, address, mode, args.getPositiveInt(CONNS),
                mode.equals("pingpong") ? 1 : args.getPositiveInt(WINDOW),
                Duration.ofSeconds(args.getInt(WARMUP, 0)), Duration.ofSeconds(args.getPositiveInt(SECONDS)),
                args.choice(CODEC), args.getInt(BODY_SIZE, 0), args.getPositiveInt(CLIENT_THREADS), serverThreads(args),
                serverJvm, jvmArgs);
    }

    /** The {@link #SERVER_THREADS} option's value. */
    static int serverThreads(Args args) {
        return args.isGiven(SERVER_THREADS) ? args.getPositiveInt(SERVER_THREADS)
                : Runtime.getRuntime().availableProcessors();
    }

    /** Where this run's server is: {@code external}, or the own server's {@code child} or {@code same} JVM. */
    String serverPlace() {
        return target.equals("external") ? "external" : serverJvm;
    }

    BenchSpec withTarget(String newTarget) {
        return new BenchSpec(newTarget, address, mode, conns, window, warmup, measure, codec, bodySize, clientThreads,
                serverThreads, serverJvm, serverJvmArgs);
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
