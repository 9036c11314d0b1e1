package io.cellnet.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's server side in a JVM of its own ({@link ChildServer} starts it): runs one of the
 * in-process targets and answers its parent on stdin/stdout, one line each way.
 *
 * <pre>
 * args:  TARGET CODEC SERVER_THREADS
 * out:   LISTENING PORT            once bound
 * in:    ALLOC | CPU | CONNS       out: the server threads' allocated bytes | the process's CPU time, ns
 *                                  | the open connections
 * in:    end of input              the server stops and the JVM exits
 * </pre>
 *
 * <p>Thread safety: runs on the main thread.
 */
public final class BenchServer {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private BenchServer() {
    }

    /** Runs the server until stdin ends. */
    public static void main(String[] args) throws IOException, InterruptedException {
        try (EchoServer server = InProcessServer.start(args[0], args[1], Integer.parseInt(args[2]));
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("LISTENING " + server.port());
            System.out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                switch (line.strip()) {
                    case "ALLOC" -> System.out.println(server.allocatedBytes());
                    case "CPU" -> System.out.println(PROCESS.getProcessCpuTime());
                    case "CONNS" -> System.out.println(server.connections());
                    default -> System.out.println("ERROR unknown request '" + line + "'");
                }
                System.out.flush();
            }
        }
    }
}
