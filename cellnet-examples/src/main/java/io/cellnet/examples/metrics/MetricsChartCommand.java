package io.cellnet.examples.metrics;

import io.cellnet.examples.Args;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Usage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code metrics-chart}: scrapes a Prometheus endpoint ({@code echo-server --metrics}) every
 * second and draws the dashboard's key panels from the scrapes as an SVG, the picture in
 * docs/metrics-endpoint.md. Panels whose meters the server does not have are left out.
 *
 * <p>Thread safety: runs on the command's thread.
 */
public final class MetricsChartCommand {
    private static final Option SCRAPE = Option.of("scrape", "URL", "http://127.0.0.1:9464/metrics",
            "the /metrics URL to scrape");
    private static final Option SECONDS = Option.of("seconds", "S", "20", "how long to scrape, one scrape a second");
    private static final Option OUT = Option.of("out", "FILE", "metrics-dashboard.svg", "the SVG to write");
    private static final Option TITLE = Option.of("title", "TEXT", "", "the picture's title (default: the URL and date)");
    private static final Usage USAGE = Usage.of("metrics-chart",
            "scrapes /metrics every second and draws the key dashboard panels as an SVG",
            "prints SCRAPES n=N panels=P, then WROTE FILE (exit 0); FAIL: reason (exit 1) when no scrape succeeded",
            SCRAPE, SECONDS, OUT, TITLE);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, MetricsChartCommand::run);

    private MetricsChartCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        URI uri = args.get(SCRAPE, URI::create);
        int seconds = args.getPositiveInt(SECONDS);
        Path out = Path.of(args.get(OUT));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        DashboardChart chart = new DashboardChart();
        long start = System.nanoTime();
        String lastError = "";
        for (int i = 0; i <= seconds; i++) {
            long due = start + TimeUnit.SECONDS.toNanos(i);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);   // the scrape interval: pacing, not synchronisation
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    chart.add((System.nanoTime() - start) / 1e9, PrometheusText.parse(r.body()));
                } else {
                    lastError = "HTTP " + r.statusCode();
                }
            } catch (IOException e) {
                lastError = e.toString();
            }
        }
        if (chart.scrapes() == 0) {
            console.out().println("FAIL: no scrape of " + uri + " succeeded: " + lastError);
            return 1;
        }
        String title = args.get(TITLE).isEmpty()
                ? "cellnet echo-server, scraped from " + uri + " at " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                : args.get(TITLE);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, chart.svg(title), StandardCharsets.UTF_8);
        console.out().println("SCRAPES n=" + chart.scrapes() + " panels=" + chart.drawnPanels().size() + " ("
                + chart.drawnPanels().stream().map(DashboardChart.Panel::title).collect(Collectors.joining(", ")) + ")");
        console.out().println("WROTE " + out);
        return 0;
    }
}
