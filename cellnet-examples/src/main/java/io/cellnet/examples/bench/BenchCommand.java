package io.cellnet.examples.bench;

import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code bench}: drives an echo server with the {@link LoadClient} and prints one {@code RESULT}
 * line per run; {@code bench compare} alternates raw Netty and cellnet in one process and prints
 * the medians and the cellnet/raw ratios; {@code bench idle} measures live heap per idle connection.
 *
 * <p>Thread safety: runs on the main thread.
 */
public final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "load tool: cellnet vs raw Netty vs any tcp.ltv echo server";
    }

    @Override
    public String usage() {
        return """
                bench [run|compare|idle] [options]
                  run (default): one run against --target
                  compare: raw and --cellnet-target alternately (A B A B ...), --pairs times (>= 3)
                  idle: open --conns idle connections to --target, report live heap per connection
                options:
                  --target cellnet|cellnet-direct|raw|external   server to drive (default cellnet)
                  --address HOST:PORT      the external server (tcp.ltv echo of main.TestEchoACK, e.g. Go's)
                  --mode pingpong|pipeline one message in flight per connection, or --window of them
                  --conns N (1)  --window W (32)  --seconds S (5)  --warmup S (2)  --client-threads N (1)
                  --server-threads N (cores)   I/O threads of the in-process server (raw and cellnet alike)
                  --codec json|binary (json)  --body-size BYTES (default: TestEchoACK{"hello",1234})
                  --pairs N (3)  --cellnet-target cellnet|cellnet-direct (cellnet)   [compare]
                prints: RESULT target=.. mode=.. conns=.. window=.. msgs_per_s=.. p50_us=.. p99_us=.. p999_us=.. alloc_b_per_msg=..""";
    }

    @Override
    public int run(Args args, Console console) throws Exception {
        String verb = args.positional().orElse("run");
        switch (verb) {
            case "idle" -> {
                return IdleBench.run(args);
            }
            case "compare" -> {
                return compare(args);
            }
            case "run" -> {
                BenchSpec spec = BenchSpec.from(args);
                args.checkAllUsed();
                RunResult r = BenchRun.run(spec);
                System.out.println(r.line());
                return r.failure() == null ? 0 : fail(r.failure());
            }
            default -> throw new IllegalArgumentException("unknown bench mode '" + verb + "'");
        }
    }

    private static int compare(Args args) throws Exception {
        int pairs = args.getInt("pairs", 3);
        String cellnetTarget = args.get("cellnet-target", "cellnet");
        BenchSpec spec = BenchSpec.from(args);
        args.checkAllUsed();
        if (pairs < 3) {
            throw new IllegalArgumentException("--pairs must be at least 3");
        }
        List<RunResult> raw = new ArrayList<>();
        List<RunResult> cellnet = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            for (List<RunResult> into : List.of(raw, cellnet)) {
                RunResult r = BenchRun.run(spec.withTarget(into == raw ? "raw" : cellnetTarget));
                System.out.println(r.line());
                if (r.failure() != null) {
                    return fail(r.failure());
                }
                into.add(r);
            }
        }
        System.out.printf("MEDIAN target=raw %s%nMEDIAN target=%s %s%n", medians(raw), cellnetTarget, medians(cellnet));
        System.out.printf("RATIO %s/raw msgs_per_s=%.3f p50=%.3f p99=%.3f p999=%.3f%n", cellnetTarget,
                median(cellnet, RunResult::msgsPerSecond) / median(raw, RunResult::msgsPerSecond),
                median(cellnet, RunResult::p50) / median(raw, RunResult::p50),
                median(cellnet, RunResult::p99) / median(raw, RunResult::p99),
                median(cellnet, RunResult::p999) / median(raw, RunResult::p999));
        return 0;
    }

    private static String medians(List<RunResult> runs) {
        return String.format("msgs_per_s=%.0f p50_us=%.0f p99_us=%.0f p999_us=%.0f alloc_b_per_msg=%.1f",
                median(runs, RunResult::msgsPerSecond), median(runs, RunResult::p50), median(runs, RunResult::p99),
                median(runs, RunResult::p999), median(runs, RunResult::allocPerMessage));
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        List<RunResult> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(f));
        return f.applyAsDouble(sorted.get(sorted.size() / 2));
    }

    private static int fail(String why) {
        System.out.println("FAIL: " + why);
        return 1;
    }
}
