package io.cellnet.examples.bench;

import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Usage;
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
public final class BenchCommand {
    private static final Option PAIRS = Option.of("pairs", "N", "3", "compare: pairs of runs, at least 3");
    private static final Option CELLNET_TARGET = Option.of("cellnet-target", "cellnet|cellnet-direct", "cellnet",
            "compare: the cellnet server beside raw Netty");
    private static final Usage USAGE = buildUsage();

    private static Usage buildUsage() {
        List<Option> options = new ArrayList<>(BenchSpec.OPTIONS);
        options.addAll(List.of(PAIRS, CELLNET_TARGET));
        return new Usage("bench", "load tool: cellnet vs raw Netty vs any tcp.ltv echo server",
                List.of("run", "compare", "idle"), options, """
                run (default): one run against --target
                compare: raw and --cellnet-target alternately (A B A B ...), --pairs times
                idle: open --conns idle connections to --target, report live heap per connection
                prints: RESULT target=.. mode=.. conns=.. window=.. msgs_per_s=.. p50_us=.. p99_us=.. p999_us=.. alloc_b_per_msg=..""");
    }

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, BenchCommand::run);

    private BenchCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        if (!args.mode().equals("compare")) {
            args.refuse("bench " + args.mode(), PAIRS, CELLNET_TARGET);
        }
        return switch (args.mode()) {
            case "idle" -> IdleBench.run(args);
            case "compare" -> compare(args);
            default -> {
                RunResult r = BenchRun.run(BenchSpec.from(args));
                System.out.println(r.line());
                yield r.failure() == null ? 0 : fail(r.failure());
            }
        };
    }

    private static int compare(Args args) throws Exception {
        int pairs = args.getInt(PAIRS, 3);
        String cellnetTarget = args.choice(CELLNET_TARGET);
        BenchSpec spec = BenchSpec.from(args);
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
