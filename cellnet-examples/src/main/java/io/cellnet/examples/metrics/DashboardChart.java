package io.cellnet.examples.metrics;

import io.cellnet.examples.metrics.PrometheusText.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The picture of the dashboard's key panels drawn from a series of scrapes: each panel is a line
 * chart of one or more series over the scrape times; a gauge is drawn as scraped, a counter as its
 * rate per second between two scrapes. A panel whose meters appear in no scrape is left out, so
 * the same tool draws the cellnet panels on a build that has the cellnet meters and the JVM panels
 * everywhere.
 *
 * <p>Thread safety: not thread-safe; one thread adds the scrapes and renders.
 */
final class DashboardChart {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int PANEL_W = 470;
    private static final int PANEL_H = 210;
    private static final int COLUMNS = 2;

    /** How a series reads its samples. */
    enum Kind {
        /** The summed value as scraped, times the scale. */
        GAUGE,
        /** The summed counter's increase per second between two scrapes, times the scale. */
        RATE,
        /**
         * A quantile of a histogram ({@code metric_bucket}) over the time between two scrapes, as
         * Prometheus' {@code histogram_quantile} computes it; without buckets, the scraped
         * {@code metric{quantile="q"}} gauge.
         */
        QUANTILE,
        /** A timer's mean between two scrapes: the increase of {@code metric_sum} over that of {@code metric_count}. */
        MEAN
    }

    /**
     * One line of a panel: the sum of the samples of {@code metric} that {@code filter} accepts.
     *
     * @param legend the legend text
     * @param metric the Prometheus metric name
     * @param filter which samples (by labels) count
     * @param kind   gauge or rate
     * @param scale  what the value is multiplied by (1000 for seconds shown as ms)
     * @param q      the quantile of a {@link Kind#QUANTILE} series
     */
    record Series(String legend, String metric, Predicate<Map<String, String>> filter, Kind kind, double scale,
            double q) {
        static Series gauge(String legend, String metric) {
            return new Series(legend, metric, l -> true, Kind.GAUGE, 1, 0);
        }

        static Series rate(String legend, String metric) {
            return new Series(legend, metric, l -> true, Kind.RATE, 1, 0);
        }

        static Series quantile(String legend, String metric, double q) {
            return new Series(legend, metric, l -> true, Kind.QUANTILE, 1, q);
        }

        static Series mean(String legend, String metric) {
            return new Series(legend, metric, l -> true, Kind.MEAN, 1, 0);
        }

        Series where(String label, String value) {
            return new Series(legend, metric, filter.and(l -> value.equals(l.get(label))), kind, scale, q);
        }

        Series times(double factor) {
            return new Series(legend, metric, filter, kind, factor, q);
        }

        Series named(String name) {
            return new Series(legend, name, filter, kind, scale, q);
        }
    }

    /** A panel: a title, the unit of its axis and its lines. */
    record Panel(String title, String unit, List<Series> series) {
    }

    /** The key panels of docs/grafana-cellnet.json, then the JVM's. */
    static final List<Panel> PANELS = List.of(
            new Panel("Sessions active", "sessions", List.of(Series.gauge("active", "cellnet_sessions_active"))),
            new Panel("Sessions opened / closed", "per s", List.of(
                    Series.rate("opened", "cellnet_sessions_opened_total"),
                    Series.rate("closed", "cellnet_sessions_closed_total"))),
            new Panel("Bytes in / out", "bytes/s", List.of(
                    Series.rate("read", "cellnet_bytes_read_total"),
                    Series.rate("written", "cellnet_bytes_written_total"))),
            new Panel("Messages in / out", "msgs/s", List.of(
                    Series.rate("received", "cellnet_messages_received_total"),
                    Series.rate("sent", "cellnet_messages_sent_total"))),
            new Panel("Queue delay (post to run)", "ms", List.of(
                    Series.quantile("p50", "cellnet_queue_delay_seconds", 0.5).times(1000),
                    Series.quantile("p99", "cellnet_queue_delay_seconds", 0.99).times(1000))),
            new Panel("Queue pending", "tasks", List.of(Series.gauge("pending", "cellnet_queue_pending"))),
            new Panel("Dropped / refused / malformed", "per s", List.of(
                    Series.rate("dropped msgs", "cellnet_messages_dropped_total"),
                    Series.rate("refused conns", "cellnet_connections_refused_total"),
                    Series.rate("malformed frames", "cellnet_frames_malformed_total"))),
            new Panel("RPC latency / timeouts", "ms | per s", List.of(
                    Series.mean("mean ms", "cellnet_rpc_latency_seconds").times(1000),
                    Series.rate("timeouts/s", "cellnet_rpc_timeouts_total"))),
            new Panel("JVM heap used", "MiB", List.of(
                    Series.gauge("heap", "jvm_memory_used_bytes").where("area", "heap").times(1.0 / (1 << 20)),
                    Series.gauge("non-heap", "jvm_memory_used_bytes").where("area", "nonheap")
                            .times(1.0 / (1 << 20)))),
            new Panel("CPU", "%", List.of(
                    Series.gauge("process", "process_cpu_usage").times(100),
                    Series.gauge("system", "system_cpu_usage").times(100))),
            new Panel("GC pause time", "ms/s", List.of(Series.rate("pause", "jvm_gc_pause_seconds_sum").times(1000))),
            new Panel("JVM threads", "threads", List.of(Series.gauge("live", "jvm_threads_live_threads"))));

    private final List<Double> times = new ArrayList<>();
    private final List<List<Sample>> scrapes = new ArrayList<>();

    /** Adds a scrape taken {@code seconds} after the first. */
    void add(double seconds, List<Sample> samples) {
        times.add(seconds);
        scrapes.add(List.copyOf(samples));
    }

    /** The number of scrapes added. */
    int scrapes() {
        return scrapes.size();
    }

    private double sum(int scrape, Series s) {
        double total = Double.NaN;
        for (Sample sample : scrapes.get(scrape)) {
            if (sample.name().equals(s.metric()) && s.filter().test(sample.labels()) && !Double.isNaN(sample.value())) {
                total = (Double.isNaN(total) ? 0 : total) + sample.value();
            }
        }
        return total;
    }

    /** The points of {@code s}: NaN where it has no value. */
    double[] points(Series s) {
        double[] v = new double[scrapes.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (s.kind()) {
                case GAUGE -> sum(i, s);
                case RATE -> i == 0 ? Double.NaN : increase(i, s) / (times.get(i) - times.get(i - 1));
                case MEAN -> i == 0 ? Double.NaN
                        : increase(i, s.named(s.metric() + "_sum")) / increase(i, s.named(s.metric() + "_count"));
                case QUANTILE -> quantile(i, s);
            } * s.scale();
        }
        return v;
    }

    /** How much the summed counter {@code s} grew from scrape {@code i - 1} to {@code i}; NaN on a reset. */
    private double increase(int i, Series s) {
        double now = sum(i, s);
        double before = sum(i - 1, s);
        return now >= before ? now - before : Double.NaN;
    }

    private double quantile(int i, Series s) {
        if (i > 0) {
            TreeMap<Double, Double> now = buckets(i, s);
            TreeMap<Double, Double> before = buckets(i - 1, s);
            if (!now.isEmpty()) {
                TreeMap<Double, Double> delta = new TreeMap<>();
                now.forEach((le, c) -> delta.put(le, c - before.getOrDefault(le, 0.0)));
                return histogramQuantile(s.q(), delta);
            }
        }
        String q = String.valueOf(s.q());
        return sum(i, Series.gauge(s.legend(), s.metric()).where("quantile", q));
    }

    /** The cumulative bucket counts of {@code s} in scrape {@code i}, by upper bound, summed over the other labels. */
    private TreeMap<Double, Double> buckets(int i, Series s) {
        TreeMap<Double, Double> counts = new TreeMap<>();
        String name = s.metric() + "_bucket";
        for (Sample sample : scrapes.get(i)) {
            String le = sample.labels().get("le");
            if (sample.name().equals(name) && le != null && s.filter().test(sample.labels())) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                counts.merge(bound, sample.value(), Double::sum);
            }
        }
        return counts;
    }

    /** Prometheus' {@code histogram_quantile}: linear within the bucket the rank falls in. */
    static double histogramQuantile(double q, TreeMap<Double, Double> cumulative) {
        if (cumulative.isEmpty()) {
            return Double.NaN;
        }
        double total = cumulative.lastEntry().getValue();
        if (!(total > 0)) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (e.getValue() >= rank) {
                if (e.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = e.getValue() - lowerCount;
                return inBucket <= 0 ? e.getKey() : lowerBound + (e.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = e.getKey();
            lowerCount = e.getValue();
        }
        return lowerBound;
    }

    private boolean present(Panel p) {
        for (Series s : p.series()) {
            for (int i = 0; i < scrapes.size(); i++) {
                boolean timer = !Double.isNaN(sum(i, s.named(s.metric() + "_sum")));
                if (!Double.isNaN(sum(i, s)) || !buckets(i, s).isEmpty() || timer) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The panels that have data. */
    List<Panel> drawnPanels() {
        return PANELS.stream().filter(this::present).toList();
    }

    /** The SVG: the panels with data, two per row, under {@code title}. */
    String svg(String title) {
        List<Panel> panels = drawnPanels();
        int rows = Math.max(1, (panels.size() + COLUMNS - 1) / COLUMNS);
        int width = COLUMNS * PANEL_W + 20;
        int height = rows * PANEL_H + 60;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#181b1f\"/>%n", width, height));
        b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"22\" fill=\"#d8d9da\" font-size=\"15\">%s</text>%n",
                escape(title)));
        for (int i = 0; i < panels.size(); i++) {
            int x = 10 + (i % COLUMNS) * PANEL_W;
            int y = 40 + (i / COLUMNS) * PANEL_H;
            panel(b, panels.get(i), x, y);
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private void panel(StringBuilder b, Panel p, int x, int y) {
        int w = PANEL_W - 10;
        int h = PANEL_H - 10;
        int left = x + 55;
        int top = y + 26;
        int plotW = w - 65;
        int plotH = h - 62;
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#22252b\" "
                + "stroke=\"#2f3238\"/>%n", x, y, w, h));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#d8d9da\" font-size=\"13\">%s</text>%n",
                x + 8, y + 17, escape(p.title())));
        List<double[]> lines = new ArrayList<>();
        double max = 0;
        for (Series s : p.series()) {
            double[] pts = points(s);
            lines.add(pts);
            for (double v : pts) {
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        max = max <= 0 ? 1 : niceCeiling(max);
        double tMax = times.isEmpty() ? 1 : Math.max(1, times.get(times.size() - 1));
        for (int g = 0; g <= 4; g++) {
            double gy = top + plotH - plotH * g / 4.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#2f3238\"/>%n",
                    left, gy, left + plotW, gy));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#8e8e8e\" text-anchor=\"end\">%s</text>%n",
                    left - 4, gy + 4, format(max * g / 4)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#8e8e8e\">%s</text>%n", x + 8, top + plotH + 16,
                escape(p.unit())));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#8e8e8e\" text-anchor=\"end\">%.0f s</text>%n",
                left + plotW, top + plotH + 16, tMax));
        int legendX = left;
        for (int s = 0; s < lines.size(); s++) {
            String color = COLORS[s % COLORS.length];
            StringBuilder path = new StringBuilder();
            double[] pts = lines.get(s);
            double last = Double.NaN;
            for (int i = 0; i < pts.length; i++) {
                if (Double.isNaN(pts[i]) || Double.isInfinite(pts[i])) {
                    continue;
                }
                double px = left + plotW * times.get(i) / tMax;
                double py = top + plotH - plotH * Math.min(pts[i], max) / max;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                last = pts[i];
            }
            if (path.length() > 0) {
                b.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"/>%n",
                        path, color));
            }
            String legend = p.series().get(s).legend() + " " + (Double.isNaN(last) ? "n/a" : format(last));
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>%n",
                    legendX, top + plotH + 26, color));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#d8d9da\">%s</text>%n",
                    legendX + 14, top + plotH + 31, escape(legend)));
            legendX += 16 + legend.length() * 6 + 12;
        }
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.1fG", v / 1e9);
        } else if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        } else if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        } else if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
