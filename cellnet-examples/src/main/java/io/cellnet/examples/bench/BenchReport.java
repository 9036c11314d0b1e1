package io.cellnet.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --report FILE}: a self-contained HTML page (the settings, the latency percentile
 * chart of every target as inline SVG, the throughput table; no script, no outside resource), or,
 * for a {@code .svg} file, the chart alone.
 *
 * <p>Thread safety: immutable.
 *
 * @param title    the heading
 * @param settings what was run, one line each
 * @param rows     the table, one row per target
 * @param chart    the percentile chart
 */
record BenchReport(String title, List<String> settings, List<Row> rows, PercentileChart chart) {

    /**
     * One target's line in the table: the medians of its runs.
     *
     * @param target        the target's name
     * @param runs          how many runs
     * @param msgsPerSecond median echoes per second
     * @param ratio         median of the per-round ratios to raw Netty's rate, NaN without raw
     * @param p50           median p50, µs
     * @param p99           median p99, µs
     * @param p999          median p99.9, µs
     * @param alloc         median server allocation per message, bytes (negative: unknown)
     * @param cpu           median server CPU time per message, ns (negative: unknown)
     */
    record Row(String target, int runs, double msgsPerSecond, double ratio, double p50, double p99, double p999,
            double alloc, double cpu) {
    }

    /** Writes the report to {@code file}: the chart alone when its name ends in {@code .svg}, else the page. */
    void write(Path file) throws IOException {
        boolean svgOnly = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        Files.writeString(file, svgOnly ? chart.svg() : html(), StandardCharsets.UTF_8);
    }

    /** The page. */
    String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-top:1em}\n")
                .append("th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}th:first-child,td:first-child")
                .append("{text-align:left}ul{color:#555}\n</style>\n</head>\n<body>\n<h1>")
                .append(Html.escape(title)).append("</h1>\n<ul>\n");
        for (String s : settings) {
            b.append("<li>").append(Html.escape(s)).append("</li>\n");
        }
        b.append("</ul>\n").append(chart.svg());
        b.append("<table>\n<thead><tr><th>target</th><th>runs</th><th>msgs/s</th><th>× raw</th><th>p50 µs</th>"
                + "<th>p99 µs</th><th>p99.9 µs</th><th>server alloc B/msg</th><th>server CPU ns/msg</th></tr></thead>\n<tbody>\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%,.0f</td><td>%s</td><td>%.0f</td>"
                    + "<td>%.0f</td><td>%.0f</td><td>%s</td><td>%s</td></tr>%n", Html.escape(r.target()), r.runs(), r.msgsPerSecond(),
                    Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()), r.p50(), r.p99(),
                    r.p999(), r.alloc() < 0 ? "" : String.format(Locale.ROOT, "%.1f", r.alloc()),
                    r.cpu() < 0 ? "" : String.format(Locale.ROOT, "%.0f", r.cpu())));
        }
        b.append("</tbody>\n</table>\n</body>\n</html>\n");
        return b.toString();
    }
}
