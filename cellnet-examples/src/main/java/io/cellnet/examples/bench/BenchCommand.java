package io.cellnet.examples.bench;

import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Usage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * {@code bench}: drives an echo server with the {@link LoadClient} and prints one {@code RESULT}
 * line per run; {@code bench compare} alternates several targets in one run and prints the medians
 * and the ratios to raw Netty (and of a {@code -metrics} target to the same target without metrics);
 * {@code bench idle} measures live heap per idle connection. Runs and
 * comparisons can also write a report ({@code --report FILE.html} or {@code .svg}).
 *
 * <p>Thread safety: runs on the main thread.
 */
public final class BenchCommand {
    private static final Option ROUNDS = Option.of("rounds", "N", "3",
            "compare: rounds, each running every target once, at least 3");
    private static final Option TARGETS = Option.of("targets", "LIST", "raw,thread",
            "compare: the targets, comma-separated, in the order each round runs them");
    private static final Option REPORT = Option.of("report", "FILE", "",
            "also write FILE.html (chart and table, self-contained) or FILE.svg (the chart alone)");
    private static final List<String> KNOWN_TARGETS = BenchSpec.TARGET.choices();
    private static final Usage USAGE = buildUsage();

    private static Usage buildUsage() {
        List<Option> options = new ArrayList<>(BenchSpec.OPTIONS);
        options.addAll(List.of(ROUNDS, TARGETS, REPORT));
        return new Usage("bench", "load tool: cellnet vs raw Netty vs any tcp.ltv echo server",
                List.of("run", "compare", "idle"), options, """
                run (default): one run against --target
                compare: --targets alternately (A B C A B C ...), --rounds times
                idle: open --conns idle connections to --target, report live heap per connection
                the own servers (raw, thread, loop, none) run in a child JVM unless --server-jvm same
                prints: RESULT target=.. server=.. mode=.. conns=.. window=.. msgs_per_s=.. p50_us=.. p99_us=..\
                 p999_us=.. alloc_b_per_msg=..""");
    }

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, BenchCommand::run);

    private BenchCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        if (!args.mode().equals("compare")) {
            args.refuse("bench " + args.mode(), ROUNDS, TARGETS);
        }
        return switch (args.mode()) {
            case "idle" -> {
                args.refuse("bench idle", REPORT);
                yield IdleBench.run(args);
            }
            case "compare" -> compare(args);
            default -> {
                RunResult r = BenchRun.run(BenchSpec.from(args));
                System.out.println(r.line());
                if (r.failure() != null) {
                    yield fail(r.failure());
                }
                report(args, r.spec(), Map.of(r.spec().target(), List.of(r)), List.of());
                yield 0;
            }
        };
    }

    private static int compare(Args args) throws Exception {
        int rounds = args.getInt(ROUNDS, 3);
        List<String> targets = args.get(TARGETS, BenchCommand::targets);
        BenchSpec spec = BenchSpec.from(args, targets);
        Map<String, List<RunResult>> runs = new LinkedHashMap<>();
        targets.forEach(t -> runs.put(t, new ArrayList<>()));
        List<Map<String, RunResult>> byRound = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Map<String, RunResult> round = new LinkedHashMap<>();
            for (String target : targets) {
                RunResult r = BenchRun.run(spec.withTarget(target));
                System.out.println(r.line());
                if (r.failure() != null) {
                    return fail(target + ": " + r.failure());
                }
                runs.get(target).add(r);
                round.put(target, r);
            }
            byRound.add(round);
        }
        for (Map.Entry<String, List<RunResult>> e : runs.entrySet()) {
            System.out.printf("MEDIAN target=%s %s%n", e.getKey(), medians(e.getValue()));
        }
        if (runs.containsKey("raw")) {
            for (String target : targets) {
                if (!target.equals("raw")) {
                    System.out.println(ratioLine(target, runs.get(target), runs.get("raw"), byRound));
                }
            }
        }
        for (String target : targets) {
            String base = target.endsWith(CellnetEchoServer.METRICS)
                    ? target.substring(0, target.length() - CellnetEchoServer.METRICS.length()) : "";
            if (runs.containsKey(base)) {
                System.out.println(ratioLine(target, base, runs, byRound));
            }
        }
        report(args, spec, runs, byRound);
        return 0;
    }

    /** The {@code --targets} list, checked. */
    private static List<String> targets(String list) {
        List<String> targets = List.of(list.split(","));
        for (String t : targets) {
            if (!KNOWN_TARGETS.contains(t)) {
                throw new IllegalArgumentException("has an unknown target '" + t + "'; the targets are "
                        + String.join(", ", KNOWN_TARGETS));
            }
        }
        if (targets.size() < 2 || targets.stream().distinct().count() != targets.size()) {
            throw new IllegalArgumentException("needs two or more different targets, got '" + list + "'");
        }
        return targets;
    }

    private static String ratioLine(String target, List<RunResult> runs, List<RunResult> raw,
            List<Map<String, RunResult>> byRound) {
        return ratioLine(target, "raw", Map.of(target, runs, "raw", raw), byRound);
    }

    /** The ratios of {@code target}'s figures to {@code base}'s (a target with metrics to the same without). */
    private static String ratioLine(String target, String base, Map<String, List<RunResult>> all,
            List<Map<String, RunResult>> byRound) {
        List<RunResult> runs = all.get(target);
        List<RunResult> raw = all.get(base);
        List<String> perRound = byRound.stream().map(r -> String.format("%.3f", r.get(target).msgsPerSecond()
                / r.get(base).msgsPerSecond())).toList();
        List<Double> ratios = new ArrayList<>(byRound.stream()
                .map(r -> r.get(target).msgsPerSecond() / r.get(base).msgsPerSecond()).toList());
        ratios.sort(Comparator.naturalOrder());
        double cpu = median(runs, RunResult::cpuPerMessage);
        double baseCpu = median(raw, RunResult::cpuPerMessage);
        return String.format("RATIO %s/%s msgs_per_s=%.3f p50=%.3f p99=%.3f p999=%.3f cpu_per_msg=%s round_ratios=%s",
                target, base, ratios.get(ratios.size() / 2), median(runs, RunResult::p50) / median(raw, RunResult::p50),
                median(runs, RunResult::p99) / median(raw, RunResult::p99),
                median(runs, RunResult::p999) / median(raw, RunResult::p999),
                cpu > 0 && baseCpu > 0 ? String.format("%.3f", cpu / baseCpu) : "unknown", String.join(",", perRound));
    }

    /** The median over the rounds of {@code target}'s rate divided by raw's rate in the same round. */
    private static double roundRatio(String target, List<Map<String, RunResult>> byRound) {
        List<Double> ratios = new ArrayList<>(byRound.stream()
                .map(r -> r.get(target).msgsPerSecond() / r.get("raw").msgsPerSecond()).toList());
        ratios.sort(Comparator.naturalOrder());
        return ratios.get(ratios.size() / 2);
    }

    private static void report(Args args, BenchSpec spec, Map<String, List<RunResult>> runs,
            List<Map<String, RunResult>> byRound) throws java.io.IOException {
        if (!args.isGiven(REPORT)) {
            return;
        }
        List<PercentileChart.Series> series = new ArrayList<>();
        List<BenchReport.Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> e : runs.entrySet()) {
            Histogram all = LoadClient.newHistogram();
            e.getValue().forEach(r -> all.add(r.latency()));
            series.add(new PercentileChart.Series(e.getKey(), all));
            List<RunResult> rs = e.getValue();
            double ratio = byRound.isEmpty() || !runs.containsKey("raw") ? Double.NaN : roundRatio(e.getKey(), byRound);
            rows.add(new BenchReport.Row(e.getKey(), rs.size(), median(rs, RunResult::msgsPerSecond), ratio,
                    median(rs, RunResult::p50), median(rs, RunResult::p99), median(rs, RunResult::p999),
                    median(rs, RunResult::allocPerMessage), median(rs, RunResult::cpuPerMessage)));
        }
        String conns = spec.conns() == 1 ? "1 connection" : spec.conns() + " connections";
        String what = spec.mode().equals("pingpong") ? "ping-pong, " + conns
                : "pipelined, " + conns + " × " + spec.window() + " in flight";
        String title = "cellnet bench: " + what + ", " + spec.codec();
        List<String> settings = List.of(
                "run on " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version"),
                "server: " + (spec.target().equals("external") ? spec.address()
                        : spec.serverJvm().equals("child") ? "in a JVM of its own (two processes)"
                        : "in the client's JVM (one process)"),
                "each run: " + spec.warmup().toSeconds() + " s warm-up, " + spec.measure().toSeconds() + " s measured;"
                        + (byRound.isEmpty() ? " one run" : " " + byRound.size() + " rounds, targets alternating")
                        + "; figures are medians of the runs, the chart merges every run of a target",
                "latency: from a frame's write to its echo, µs, HdrHistogram");
        Path file = Path.of(args.get(REPORT));
        new BenchReport(title, settings, rows, new PercentileChart(title, series)).write(file);
        System.out.println("REPORT " + file);
    }

    private static String medians(List<RunResult> runs) {
        return String.format("msgs_per_s=%.0f p50_us=%.0f p99_us=%.0f p999_us=%.0f alloc_b_per_msg=%.1f"
                        + " cpu_ns_per_msg=%.0f", median(runs, RunResult::msgsPerSecond), median(runs, RunResult::p50),
                median(runs, RunResult::p99), median(runs, RunResult::p999), median(runs, RunResult::allocPerMessage),
                median(runs, RunResult::cpuPerMessage));
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
