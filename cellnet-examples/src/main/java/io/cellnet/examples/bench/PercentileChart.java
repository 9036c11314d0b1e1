package io.cellnet.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The latency percentile curves of several targets on one chart, as a self-contained SVG: the
 * percentile on the x axis in HdrHistogram's usual scale (each step of 1 is ten times closer to
 * 100 %: 0 %, 90 %, 99 %, 99.9 % ...), the latency on a log-scaled y axis, one line per target and
 * a legend.
 *
 * <p>Thread safety: immutable.
 */
final class PercentileChart {
    static final int WIDTH = 860;
    static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 44;
    private static final int TOP = 48;
    private static final int BOTTOM = 56;
    private static final double STEP = 0.02;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#17becf"};

    /**
     * One line of the chart.
     *
     * @param name    the target, in the legend
     * @param latency its latencies, µs
     */
    record Series(String name, Histogram latency) {
    }

    private final String title;
    private final List<Series> series;

    PercentileChart(String title, List<Series> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series");
        }
        this.title = title;
        this.series = List.copyOf(series);
    }

    /** How far along the x axis the last point of {@code h} is: its highest meaningful percentile. */
    private static double lastX(Histogram h) {
        return Math.max(1, Math.log10(Math.max(10, h.getTotalCount())));
    }

    /** The SVG document. */
    String svg() {
        double maxX = Math.ceil(series.stream().mapToDouble(s -> lastX(s.latency())).max().orElse(3));
        long lowest = Math.max(1, series.stream().mapToLong(s -> s.latency().getValueAtPercentile(0)).min().orElse(1));
        long highest = Math.max(lowest * 10, series.stream().mapToLong(s -> s.latency().getMaxValue()).max().orElse(10));
        double minY = Math.floor(Math.log10(lowest));
        double maxY = Math.ceil(Math.log10(highest));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        b.append("<title>").append(Html.escape(title)).append("</title>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, Html.escape(title)));
        for (int x = 0; x <= maxX; x++) {
            double px = LEFT + plotW * x / maxX;
            b.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#dddddd\"/>%n", px, TOP, px, TOP + plotH));
            b.append(String.format(Locale.ROOT, "<text class=\"xtick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s"
                    + "</text>%n", px, TOP + plotH + 18, percentileLabel(x)));
        }
        for (int y = (int) minY; y <= maxY; y++) {
            double py = TOP + plotH - plotH * (y - minY) / (maxY - minY);
            b.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#dddddd\"/>%n", LEFT, py, LEFT + plotW, py));
            b.append(String.format(Locale.ROOT, "<text class=\"ytick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, py + 4, latencyLabel(Math.round(Math.pow(10, y)))));
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\""
                + " stroke=\"#333333\"/>%n", LEFT, TOP, plotW, plotH));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotW / 2, HEIGHT - 12));
        b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16"
                + " %.1f)\">latency (log scale)</text>%n", TOP + plotH / 2, TOP + plotH / 2));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            List<String> points = new ArrayList<>();
            double last = lastX(s.latency());
            for (double x = 0; ; x = Math.min(last, x + STEP)) {
                double percentile = 100 * (1 - Math.pow(10, -x));
                long v = Math.max(1, s.latency().getValueAtPercentile(Math.min(100, percentile)));
                double px = LEFT + plotW * x / maxX;
                double py = TOP + plotH - plotH * (Math.log10(v) - minY) / (maxY - minY);
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
                if (x >= last) {
                    break;
                }
            }
            b.append(String.format(Locale.ROOT, "<path class=\"series\" data-target=\"%s\" d=\"M%s\" fill=\"none\""
                    + " stroke=\"%s\" stroke-width=\"2\"/>%n", Html.escape(s.name()), String.join(" L", points), colour));
            double ly = TOP + 16 + 18 * i;
            b.append(String.format(Locale.ROOT, "<rect class=\"legend\" x=\"%d\" y=\"%.1f\" width=\"14\" height=\"4\""
                    + " fill=\"%s\"/>%n", LEFT + 12, ly - 4, colour));
            b.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%.1f\">%s</text>%n", LEFT + 32, ly,
                    Html.escape(s.name())));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** The percentile at {@code x} steps: 0 %, 90 %, 99 %, 99.9 % ... */
    static String percentileLabel(int x) {
        return switch (x) {
            case 0 -> "0%";
            case 1 -> "90%";
            case 2 -> "99%";
            default -> "99.99999999".substring(0, Math.min(11, x + 1)) + "%";
        };
    }

    /** {@code us} as µs, ms or s. */
    static String latencyLabel(long us) {
        if (us >= 1_000_000) {
            return us / 1_000_000 + " s";
        }
        return us >= 1000 ? us / 1000 + " ms" : us + " µs";
    }
}
