package io.cellnet.examples.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The chart's reading of real Prometheus text from Micrometer: counters become rates, a timer's
 * histogram buckets become quantiles the way Prometheus' {@code histogram_quantile} computes them,
 * and panels without data are left out.
 */
class DashboardChartTest {

    @Test
    void parsesLabelsWithEscapesAndSpecialValues() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP x a metric
                # TYPE x gauge
                x{a="1",b="say \\"hi\\", ok"} 2.5
                y 3
                z{le="+Inf"} +Inf
                broken{a="1"
                """);
        assertEquals(List.of(new PrometheusText.Sample("x", Map.of("a", "1", "b", "say \"hi\", ok"), 2.5),
                new PrometheusText.Sample("y", Map.of(), 3), new PrometheusText.Sample("z", Map.of("le", "+Inf"),
                        Double.POSITIVE_INFINITY)), samples);
    }

    @Test
    void histogramQuantileInterpolatesWithinTheBucketAsPrometheusDoes() {
        TreeMap<Double, Double> cumulative = new TreeMap<>(Map.of(0.001, 50.0, 0.002, 90.0, 0.005, 100.0,
                Double.POSITIVE_INFINITY, 100.0));
        assertEquals(0.001, DashboardChart.histogramQuantile(0.5, cumulative), 1e-12);
        assertEquals(0.0015, DashboardChart.histogramQuantile(0.7, cumulative), 1e-12);
        assertEquals(0.0047, DashboardChart.histogramQuantile(0.99, cumulative), 1e-12);
        assertTrue(Double.isNaN(DashboardChart.histogramQuantile(0.5, new TreeMap<>(Map.of(1.0, 0.0)))));
    }

    @Test
    void ratesAndQuantilesComeFromTwoScrapesOfAMicrometerRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter bytes = registry.counter("cellnet.bytes.read", "peer", "p");
        Timer delay = Timer.builder("cellnet.queue.delay").tag("queue", "q").publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram().register(registry);
        DashboardChart chart = new DashboardChart();
        chart.add(0, PrometheusText.parse(registry.scrape()));
        bytes.increment(2000);
        for (int i = 0; i < 100; i++) {
            delay.record(Duration.ofMillis(3));
        }
        chart.add(2, PrometheusText.parse(registry.scrape()));

        double[] rate = chart.points(DashboardChart.Series.rate("read", "cellnet_bytes_read_total"));
        assertTrue(Double.isNaN(rate[0]));
        assertEquals(1000, rate[1], 1e-9);
        double p99 = chart.points(DashboardChart.Series.quantile("p99", "cellnet_queue_delay_seconds", 0.99))[1];
        assertTrue(p99 > 0.002 && p99 <= 0.0035, "p99 of 3 ms samples: " + p99);
        List<String> titles = chart.drawnPanels().stream().map(DashboardChart.Panel::title).toList();
        assertEquals(List.of("Bytes in / out", "Queue delay (post to run)"), titles);
        String svg = chart.svg("t");
        assertTrue(svg.contains("Queue delay (post to run)") && svg.contains("read 1000"), svg);
        registry.close();
    }
}
