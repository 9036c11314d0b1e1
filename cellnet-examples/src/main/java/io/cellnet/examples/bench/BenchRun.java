package io.cellnet.examples.bench;

import io.cellnet.Address;
import java.util.List;

/**
 * One benchmark run: starts the target server (unless external), drives it with the
 * {@link LoadClient}, and measures the server threads' allocation over the measured window.
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
            AllocationMeter meter = new AllocationMeter(server == null ? List.of() : server.threadPrefixes());
            long[] alloc = new long[2];
            LoadClient client = new LoadClient(host, port, spec.frame(), spec.conns(), spec.window(), spec.clientThreads());
            LoadClient.Result r = client.run(spec.warmup(), spec.measure(), () -> alloc[0] = meter.allocatedBytes(),
                    () -> alloc[1] = meter.allocatedBytes());
            double allocPerMsg = server == null || r.messages() == 0 ? -1 : (alloc[1] - alloc[0]) / (double) r.messages();
            Histogram h = r.latency();
            return new RunResult(spec, r.perSecond(), h.percentileMicros(0.5), h.percentileMicros(0.99),
                    h.percentileMicros(0.999), allocPerMsg, r.failure());
        }
    }

    private static EchoServer start(BenchSpec spec) throws InterruptedException {
        return switch (spec.target()) {
            case "raw" -> new RawEchoServer(spec.serverThreads());
            case "cellnet" -> new CellnetEchoServer(spec.registry(), false, spec.serverThreads());
            case "cellnet-direct" -> new CellnetEchoServer(spec.registry(), true, spec.serverThreads());
            case "external" -> null;
            default -> throw new IllegalStateException("unknown target '" + spec.target() + "'");
        };
    }
}
