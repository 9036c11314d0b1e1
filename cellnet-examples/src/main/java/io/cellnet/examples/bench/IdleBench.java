package io.cellnet.examples.bench;

import io.cellnet.examples.Args;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench idle}: the server's live heap per idle connection. The server runs in this process;
 * the connections come from a child JVM ({@link #main}), so that none of the client's memory is
 * counted. Heap is measured after full collections before and after the connections are up.
 *
 * <p>Thread safety: runs on the main thread.
 */
public final class IdleBench {
    private IdleBench() {
    }

    static int run(Args args) throws Exception {
        args.refuse("bench idle", BenchSpec.ADDRESS, BenchSpec.MODE, BenchSpec.WINDOW, BenchSpec.SECONDS,
                BenchSpec.WARMUP, BenchSpec.CLIENT_THREADS, BenchSpec.BODY_SIZE, BenchSpec.SERVER_JVM,
                BenchSpec.SERVER_JVM_ARGS);
        int conns = args.isGiven(BenchSpec.CONNS) ? args.getPositiveInt(BenchSpec.CONNS) : 10_000;
        String target = args.choice(BenchSpec.TARGET);
        if (target.equals("external")) {
            throw new IllegalArgumentException("--target external does not apply to bench idle: it measures this"
                    + " process's heap");
        }
        int threads = BenchSpec.serverThreads(args);
        try (EchoServer server = InProcessServer.start(target, args.choice(BenchSpec.CODEC), threads)) {
            long before = liveHeap();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), IdleBench.class.getName(),
                    String.valueOf(server.port()), String.valueOf(conns)).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8)); OutputStream in = child.getOutputStream()) {
                String line = out.readLine();
                if (line == null || !line.startsWith("CONNECTED") || !allAccepted(server, conns)) {
                    System.out.println("FAIL: idle client: " + line + ", server holds " + server.connections());
                    return 1;
                }
                long after = liveHeap();
                System.out.printf("RESULT target=%s mode=idle conns=%d heap_b_per_conn=%.0f%n", target, conns,
                        (after - before) / (double) conns);
                in.write('\n');
                in.flush();
                child.waitFor();
            } finally {
                child.destroy();
            }
        }
        return 0;
    }

    /** Waits, at most 60 s, for the server to hold every connection the child opened. */
    private static boolean allAccepted(EchoServer server, int conns) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.connections() < conns) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static long liveHeap() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** The child: opens {@code args[1]} connections to 127.0.0.1:{@code args[0]}, holds them until stdin ends. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(args[0]);
        int conns = Integer.parseInt(args[1]);
        List<SocketChannel> open = new ArrayList<>(conns);
        for (int i = 0; i < conns; i++) {
            open.add(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
        }
        System.out.println("CONNECTED " + conns);
        System.out.flush();
        System.in.read();
        for (SocketChannel ch : open) {
            ch.close();
        }
    }
}
