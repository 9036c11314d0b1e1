package io.cellnet.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report writer's output: the chart is well-formed SVG with one percentile curve and one legend
 * entry per target; the page holds that chart inline, a table row per target, and nothing fetched
 * from elsewhere; {@code .svg} writes the chart alone.
 */
class BenchReportTest {
    private static final Pattern POINT = Pattern.compile("(\\d+\\.\\d),(\\d+\\.\\d)");

    private static Histogram latencies(long from, long to) {
        Histogram h = LoadClient.newHistogram();
        for (long v = from; v <= to; v++) {
            h.recordValue(v);
        }
        return h;
    }

    private final PercentileChart chart = new PercentileChart("ping-pong <1 conn> & more", List.of(
            new PercentileChart.Series("raw", latencies(20, 2_000)),
            new PercentileChart.Series("loop", latencies(25, 5_000)),
            new PercentileChart.Series("thread", latencies(40, 90_000))));
    private final BenchReport report = new BenchReport("ping-pong <1 conn> & more", List.of("2 cores", "json"),
            List.of(new BenchReport.Row("raw", 3, 50_000, Double.NaN, 20, 90, 150, 40, 230),
                    new BenchReport.Row("loop", 3, 48_000, 0.96, 21, 95, 160, 96, 390),
                    new BenchReport.Row("thread", 3, 40_000, 0.8, 30, 140, 300, 96, -1)),
            chart);

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> found = new ArrayList<>();
        NodeList all = d.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) {
                found.add(e);
            }
        }
        return found;
    }

    @Test
    void theChartHasOneRisingCurveAndOneLegendEntryPerTarget() throws Exception {
        Document svg = xml(chart.svg());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        List<Element> curves = byClass(svg, "path", "series");
        assertEquals(List.of("raw", "loop", "thread"), curves.stream().map(e -> e.getAttribute("data-target")).toList());
        for (Element c : curves) {
            Matcher m = POINT.matcher(c.getAttribute("d"));
            double lastX = -1;
            double lastY = Double.MAX_VALUE;
            int points = 0;
            while (m.find()) {
                double x = Double.parseDouble(m.group(1));
                double y = Double.parseDouble(m.group(2));
                assertTrue(x >= lastX && y <= lastY, "percentiles go right, latencies never fall (up in SVG)");
                lastX = x;
                lastY = y;
                points++;
            }
            assertTrue(points > 50, "a curve of " + points + " points");
        }
        assertEquals(List.of("raw", "loop", "thread"),
                byClass(svg, "text", "legend").stream().map(Element::getTextContent).toList());
        List<String> xTicks = byClass(svg, "text", "xtick").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("0%", "90%", "99%", "99.9%", "99.99%", "99.999%"), xTicks,
                "up to the percentile that 89,961 samples can show");
        List<String> yTicks = byClass(svg, "text", "ytick").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("10 µs", "100 µs", "1 ms", "10 ms", "100 ms"), yTicks);
        assertEquals("ping-pong <1 conn> & more", svg.getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void thePageIsSelfContainedWithTheChartInlineAndATableRowPerTarget() {
        String page = report.html();
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertEquals(1, count(page, "<svg "));
        assertTrue(page.contains(chart.svg()), "the chart, inline");
        assertEquals(1 + 3, count(page, "<tr>"), "a header and a row per target");
        assertTrue(page.contains("<tr><td>loop</td><td>3</td><td>48,000</td><td>0.96</td><td>21</td><td>95</td>"
                + "<td>160</td><td>96.0</td><td>390</td></tr>"), page);
        assertTrue(page.contains("<td>300</td><td>96.0</td><td></td></tr>"), "an unknown CPU time stays empty");
        assertTrue(page.contains("<tr><td>raw</td><td>3</td><td>50,000</td><td></td>"), "no ratio of raw to itself");
        assertTrue(page.contains("<h1>ping-pong &lt;1 conn&gt; &amp; more</h1>"), "text is escaped");
        for (String outside : List.of("<script", "src=", "href=", "<link", "@import", "url(")) {
            assertFalse(page.contains(outside), outside);
        }
    }

    @Test
    void theFileNameChoosesPageOrChart(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("chart.SVG");
        Path html = dir.resolve("report.html");
        report.write(svg);
        report.write(html);
        assertEquals(chart.svg(), Files.readString(svg));
        assertEquals(report.html(), Files.readString(html));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
