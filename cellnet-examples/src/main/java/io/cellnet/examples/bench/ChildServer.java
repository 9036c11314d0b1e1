package io.cellnet.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the benchmark's own servers in a child JVM ({@link BenchServer}), so that the load client
 * and the server do not share a JVM (its heap, GC, JIT and safepoints), as when users run them. The
 * child gets this JVM's own options (heap, {@code -D} properties) and then {@code extraJvmArgs}
 * (say, a flight recording). Its requests go over its stdin and stdout.
 *
 * <p>Thread safety: not thread-safe; used by the benchmark's main thread.
 */
final class ChildServer implements EchoServer {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final int port;

    ChildServer(String target, String codec, int threads, List<String> extraJvmArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")
                        && !a.startsWith("-XX:StartFlightRecording")).toList());
        command.addAll(extraJvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), target, codec,
                String.valueOf(threads)));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = out.readLine();
        while (line != null && !line.startsWith("LISTENING ")) {
            System.err.println("server: " + line);    // the JVM's own output, such as a flight recording's
            line = out.readLine();
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("server " + target + " in a child JVM did not start: " + line);
        }
        port = Integer.parseInt(line.substring("LISTENING ".length()).strip());
    }

    private long ask(String request) {
        in.println(request);
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the server's JVM ended");
            }
            return Long.parseLong(line.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("asking the server " + request, e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int connections() {
        return (int) ask("CONNS");
    }

    @Override
    public long allocatedBytes() {
        return ask("ALLOC");
    }

    @Override
    public long cpuNanos() {
        return ask("CPU");
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
