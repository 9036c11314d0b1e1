package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpConnector;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.netty.TcpPeers;
import io.cellnet.testing.ReservedPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics} and {@code --drain} of the example servers: {@code /metrics} serves Prometheus
 * text with the JVM meters, {@code /health} turns from 200 to 503 when the drain starts, new
 * connects are refused while the open session is waited for, and on SIGTERM a child JVM drains:
 * its client receives every echo of what it sent before the signal, then the server closes the
 * connection and exits 0. {@code metrics-chart} draws an SVG from real scrapes.
 */
@ExtendWith(NoLeftoversExtension.class)
class MetricsEndpointCommandsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String metricsUrl(LineCapture out) throws InterruptedException {
        return out.await(l -> l.startsWith("METRICS "), InProcess.WAIT).substring("METRICS ".length());
    }

    private static int port(String hostPort) {
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    @Test
    void metricsServePrometheusTextAndHealthTurns503WhileTheServerDrains() throws Exception {
        try (InProcess server = InProcess.start("echo-server", "--address", "127.0.0.1:0", "--metrics",
                "127.0.0.1:0", "--drain", "60")) {
            String address = server.listening();
            String metrics = metricsUrl(server.out);
            assertTrue(metrics.matches("http://127\\.0\\.0\\.1:\\d+/metrics") && !metrics.contains(":0/"), metrics);
            String health = metrics.replace("/metrics", "/health");

            HttpResponse<String> scrape = get(metrics);
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                    scrape.headers().toString());
            for (String meter : List.of("# TYPE jvm_memory_used_bytes gauge", "jvm_gc_", "process_cpu_usage",
                    "system_cpu_count", "jvm_threads_live_threads")) {
                assertTrue(scrape.body().contains(meter), meter + " in:\n" + scrape.body());
            }
            assertEquals(0.0, sample(scrape.body(), "cellnet_drain_active"), scrape.body());
            HttpResponse<String> serving = get(health);
            assertEquals(200, serving.statusCode());
            assertEquals("SERVING\n", serving.body());
            assertEquals(404, get(metrics.replace("/metrics", "/nothing")).statusCode());

            EventQueue queue = EventQueue.create("example-stays-client").startLoop();
            CompletableFuture<TestEchoAck> echoed = new CompletableFuture<>();
            MessageRegistry registry = EchoMessages.registry("binary");
            TcpConnector stays = TcpPeers.connector().name("stays").address(address).queue(queue).registry(registry)
                    .callback(ev -> {
                        if (ev.message() instanceof TestEchoAck ack) {
                            echoed.complete(ack);
                        }
                    }).build();
            try {
                stays.start();
                org.awaitility.Awaitility.await().atMost(InProcess.WAIT).until(() -> stays.session().send(
                        new TestEchoAck("here", 1)) == SendResult.QUEUED);
                // an echo proves the server holds the session before the drain starts
                assertEquals(new TestEchoAck("here", 1), echoed.get(InProcess.WAIT.toSeconds(), TimeUnit.SECONDS));
                server.stop();
                server.out.await("DRAINING deadline=60s", InProcess.WAIT);
                HttpResponse<String> draining = get(health);
                assertEquals(503, draining.statusCode());
                assertEquals("DRAINING\n", draining.body());
                HttpResponse<String> whileDraining = get(metrics);
                assertEquals(200, whileDraining.statusCode(), "metrics are still served while draining");
                assertEquals(1.0, sample(whileDraining.body(), "cellnet_drain_active"), whileDraining.body());
                org.awaitility.Awaitility.await().atMost(InProcess.WAIT)
                        .until(() -> ReservedPort.refusesConnections(port(address)));
                assertFalse(server.out.lines().stream().anyMatch(l -> l.startsWith("DRAINED")),
                        "the open session is waited for: " + server.out.text());
                stays.session().close();   // the client leaves: the drain ends long before its deadline
                server.out.await("DRAINED left=1 closed=0", InProcess.WAIT);
            } finally {
                stays.close();
                queue.close();
            }

            server.assertExit(0);
            List<String> lines = server.out.lines();
            assertEquals("STOPPED echoed=1", lines.get(lines.size() - 1), server.out::text);
        }
    }

    /** The value of the first sample of {@code series} (name and labels, as Prometheus prints them), or -1. */
    private static double sample(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return -1;
    }

    @Test
    void metricsShowTheSessionTheBytesTheMessagesAndTheQueueDelayOfARunningEchoServer() throws Exception {
        int count = 200;
        try (InProcess server = InProcess.start("echo-server", "--address", "127.0.0.1:0", "--metrics",
                "127.0.0.1:0")) {
            String address = server.listening();
            String metrics = metricsUrl(server.out);
            EventQueue queue = EventQueue.create("example-metrics-client").startLoop();
            CountDownLatch echoes = new CountDownLatch(count);
            MessageRegistry registry = EchoMessages.registry("binary");
            TcpConnector client = TcpPeers.connector().name("metered").address(address).queue(queue)
                    .registry(registry).callback(ev -> {
                        if (ev.message() instanceof TestEchoAck) {
                            echoes.countDown();
                        }
                    }).build();
            try {
                client.start();
                org.awaitility.Awaitility.await().atMost(InProcess.WAIT).until(() -> client.session().send(
                        new TestEchoAck("first", 0)) == SendResult.QUEUED);
                for (int i = 1; i < count; i++) {
                    assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("m", i)));
                }
                assertTrue(echoes.await(InProcess.WAIT.toSeconds(), TimeUnit.SECONDS), "every echo");
                String peer = "{peer=\"echo-server\",transport=\"tcp.ltv\",type=\"acceptor\"}";
                String messages = "{message=\"other\",peer=\"echo-server\",transport=\"tcp.ltv\",type=\"acceptor\"}";
                // the counters move on the server's threads: read until they have caught up
                org.awaitility.Awaitility.await().atMost(InProcess.WAIT).untilAsserted(() -> {
                    String scrape = get(metrics).body();
                    assertEquals(1.0, sample(scrape, "cellnet_sessions_active" + peer), scrape);
                    assertEquals(1.0, sample(scrape, "cellnet_sessions_opened_total"
                            + "{kind=\"accepted\",peer=\"echo-server\",transport=\"tcp.ltv\",type=\"acceptor\"}"), scrape);
                    assertEquals(count, sample(scrape, "cellnet_messages_received_total" + messages), scrape);
                    assertEquals(count, sample(scrape, "cellnet_messages_sent_total" + messages), scrape);
                    assertTrue(sample(scrape, "cellnet_bytes_read_total" + peer) >= count * 6, scrape);
                    assertTrue(sample(scrape, "cellnet_bytes_written_total" + peer) >= count * 6, scrape);
                    // one task in 16 is timed: 200 messages make at least 12 samples
                    assertTrue(sample(scrape, "cellnet_queue_delay_seconds_count{queue=\"echo-server\"}") >= 1, scrape);
                    assertTrue(scrape.contains("cellnet_queue_delay_seconds_bucket{queue=\"echo-server\",le="), scrape);
                    assertTrue(scrape.contains("netty_allocator_memory_used{"), scrape);
                });
            } finally {
                client.close();
                queue.close();
            }
            org.awaitility.Awaitility.await().atMost(InProcess.WAIT).until(() -> sample(get(metrics).body(),
                    "cellnet_sessions_closed_total{peer=\"echo-server\",reason=\"io\",transport=\"tcp.ltv\","
                            + "type=\"acceptor\"}") == 1.0);
            server.stop();
            server.assertExit(0);
        }
    }

    @Test
    void sigtermDrainsTheChildJvmWithoutLosingAnEchoThenExits0() throws Exception {
        int count = 3000;
        String body = "m".repeat(200);
        EventQueue queue = EventQueue.create("example-drain-client").startLoop();
        List<Integer> values = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        MessageRegistry registry = EchoMessages.registry("binary");
        try (ChildJvm server = ChildJvm.start("echo-server", "--address", "127.0.0.1:0", "--metrics", "127.0.0.1:0",
                "--drain", "3")) {
            String address = server.listening();
            TcpConnector client = TcpPeers.connector().name("drain-client").address(address).queue(queue)
                    .registry(registry).callback(ev -> {
                        Object m = ev.message();
                        if (m instanceof SessionConnected) {
                            connected.countDown();
                        } else if (m instanceof SessionClosed) {
                            closed.countDown();
                        } else if (m instanceof TestEchoAck ack) {
                            values.add(ack.Value());
                        }
                    }).build();
            try {
                client.start();
                assertTrue(connected.await(InProcess.WAIT.toSeconds(), TimeUnit.SECONDS), "connected");
                metricsUrl(server.out);
                for (int i = 0; i < count; i++) {
                    assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck(body, i)));
                }
                // the first echo proves the server holds the session (a connection it has not taken
                // yet when the drain starts is closed without one)
                org.awaitility.Awaitility.await().atMost(InProcess.WAIT).until(() -> !values.isEmpty());
                // SIGTERM while the echoes are still on their way: the drain keeps the session until the
                // deadline, so every echo is written; then the server closes the connection
                CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                    try {
                        return server.terminate();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertTrue(closed.await(InProcess.WAIT.toSeconds(), TimeUnit.SECONDS),
                        () -> "the server closed the connection; " + server.out.text());
                assertEquals(0, exit.get(InProcess.WAIT.toSeconds(), TimeUnit.SECONDS),
                        () -> server.out.text() + "\n" + server.logs());
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    expected.add(i);
                }
                assertEquals(expected, new ArrayList<>(values), "every echo, in order");
                List<String> lines = server.out.lines();
                assertTrue(lines.contains("DRAINING deadline=3s"), server.out::text);
                assertTrue(lines.contains("DRAINED left=0 closed=1"), server.out::text);
                assertEquals("STOPPED echoed=" + count, lines.get(lines.size() - 1), server.out::text);
            } finally {
                client.close();
                queue.close();
            }
        }
    }

    @Test
    void metricsChartDrawsThePanelsFromRealScrapes(@TempDir Path dir) throws Exception {
        try (InProcess server = InProcess.start("echo-server", "--address", "127.0.0.1:0", "--metrics",
                "127.0.0.1:0")) {
            server.listening();
            String metrics = metricsUrl(server.out);
            Path svg = dir.resolve("dashboard.svg");
            InProcess chart = InProcess.run("metrics-chart", "--scrape", metrics, "--seconds", "2", "--out",
                    svg.toString()).assertExit(0);
            String scrapes = chart.out.lines().get(0);
            assertTrue(scrapes.startsWith("SCRAPES n=3 panels="), chart.out::text);
            assertTrue(scrapes.contains("JVM heap used") && scrapes.contains("CPU"), scrapes);
            assertEquals("WROTE " + svg, chart.out.lines().get(1));
            String text = Files.readString(svg);
            assertTrue(text.startsWith("<svg ") && text.endsWith("</svg>\n"), text);
            assertTrue(text.contains("JVM heap used") && text.contains("<path d=\"M"), text);
            server.stop();
            server.assertExit(0);
        }
    }

    @Test
    void metricsChartFailsWhenNothingAnswers(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        InProcess chart = InProcess.run("metrics-chart", "--scrape", "http://127.0.0.1:" + port + "/metrics",
                "--seconds", "1", "--out", dir.resolve("x.svg").toString()).assertExit(1);
        assertTrue(chart.out.lines().get(0).startsWith("FAIL: no scrape of http://127.0.0.1:" + port), chart.out::text);
        assertFalse(Files.exists(dir.resolve("x.svg")));
    }

    @Test
    void badOperationsOptionsAreUsageErrorsBeforeAnythingStarts() throws Exception {
        InProcess badMetrics = InProcess.run("echo-server", "--address", "127.0.0.1:0", "--metrics", "127.0.0.1:1~9")
                .assertExit(2);
        assertTrue(badMetrics.err.text().contains("--metrics must be HOST:PORT"), badMetrics.err::text);
        assertEquals(List.of(), badMetrics.out.lines());
        InProcess badDrain = InProcess.run("echo-server", "--address", "127.0.0.1:0", "--drain", "-1").assertExit(2);
        assertTrue(badDrain.err.text().contains("--drain must be at least 0, got -1"), badDrain.err::text);
    }
}
