package io.cellnet.examples.bench;

import io.cellnet.Address;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One benchmark run: starts the target server (in this JVM or a child one, unless external),
 * drives it with the {@link LoadClient}, and measures the server threads' allocation over the
 * measured window.
 *
 * <p>Thread safety: called from the main thread.
 */
final class BenchRun {
    private BenchRun() {
    }

    static RunResult run(BenchSpec spec) throws Exception {
        try (EchoServer server = start(spec)) {
            String host = "127.0.0.1";
            int port = server == null ? 0 : server.port();
            if (server == null) {
                Address a = Address.parse(spec.address());
                host = a.host();
                port = a.minPort();
            }
            long[] alloc = new long[2];
            long[] cpu = new long[2];
            LoadClient client = new LoadClient(host, port, spec.frame(), spec.conns(), spec.window(), spec.clientThreads());
            LoadClient.Result r = client.run(spec.warmup(), spec.measure(),
                    () -> {
                        if (server != null) {
                            alloc[0] = server.allocatedBytes();
                            cpu[0] = server.cpuNanos();
                        }
                    },
                    () -> {
                        if (server != null) {
                            cpu[1] = server.cpuNanos();
                            alloc[1] = server.allocatedBytes();
                        }
                    });
            boolean known = server != null && r.messages() > 0;
            double allocPerMsg = known ? (alloc[1] - alloc[0]) / (double) r.messages() : -1;
            double cpuPerMsg = known ? (cpu[1] - cpu[0]) / (double) r.messages() : -1;
            Histogram h = r.latency();
            return new RunResult(spec, r.perSecond(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9), allocPerMsg, cpuPerMsg, h, r.failure());
        }
    }

    private static @Nullable EchoServer start(BenchSpec spec) throws Exception {
        return switch (spec.serverPlace()) {
            case "external" -> null;
            case "child" -> new ChildServer(spec.target(), spec.codec(), spec.serverThreads(), spec.serverJvmArgs());
            default -> InProcessServer.start(spec.target(), spec.codec(), spec.serverThreads());
        };
    }
}
