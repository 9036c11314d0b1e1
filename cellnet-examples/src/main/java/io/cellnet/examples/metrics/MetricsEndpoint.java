package io.cellnet.examples.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cellnet.Address;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP endpoint for operators, on the JDK's {@link HttpServer} with one daemon thread:
 * {@code GET /metrics} answers the Prometheus text of its {@link PrometheusMeterRegistry};
 * {@code GET /health} answers {@code 200 SERVING} until {@link #markDraining()} and
 * {@code 503 DRAINING} after, so a load balancer stops sending players to a server that drains.
 *
 * <p>Thread safety: every method may be called from any thread; requests are served one at a
 * time on the endpoint's own thread.
 */
public final class MetricsEndpoint implements AutoCloseable {
    /** The content type of the Prometheus text exposition format 0.0.4. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry registry;
    private final AutoCloseable binding;
    private final String host;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private MetricsEndpoint(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry,
            AutoCloseable binding, String host) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.binding = binding;
        this.host = host;
    }

    /**
     * Binds a new Prometheus registry with {@code binder} and serves it on {@code hostPort}
     * ({@code host:port}, port 0 for any free port).
     *
     * @throws IOException when the address cannot be bound
     * @throws IllegalArgumentException when {@code hostPort} is not {@code host:port}
     */
    public static MetricsEndpoint start(String hostPort, MetricsBinder binder) throws IOException {
        Objects.requireNonNull(hostPort, "hostPort");
        Objects.requireNonNull(binder, "binder");
        Address address = Address.parse(hostPort);
        if (address.minPort() != address.maxPort()) {
            throw new IllegalArgumentException("metrics address must be host:port, got '" + hostPort + "'");
        }
        String host = address.host().isEmpty() ? "0.0.0.0" : address.host();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AutoCloseable binding;
        try {
            binding = binder.bindTo(registry);
        } catch (Exception e) {
            registry.close();
            throw new IllegalStateException("binding the meters failed: " + e, e);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, address.minPort()), 16);
        } catch (IOException e) {
            closeQuietly(binding);
            registry.close();
            throw new IOException("cannot serve metrics on " + hostPort + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cellnet-metrics-http");
            t.setDaemon(true);
            return t;
        });
        MetricsEndpoint endpoint = new MetricsEndpoint(server, executor, registry, binding, host);
        Gauge.builder("cellnet.drain.active", endpoint, e -> e.isDraining() ? 1 : 0)
                .description("1 while the server drains (/health answers 503), else 0").register(registry);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        log.info("metrics on http://{}:{}/metrics", host, endpoint.port());
        return endpoint;
    }

    /** The registry served at {@code /metrics}: add meters to it. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port/metrics}, with {@code 127.0.0.1} for a wildcard host. */
    public String url() {
        return base() + "/metrics";
    }

    /** {@code http://host:port/health}, with {@code 127.0.0.1} for a wildcard host. */
    public String healthUrl() {
        return base() + "/health";
    }

    private String base() {
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::");
        String h = wildcard ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** From now on {@code /health} answers {@code 503 DRAINING}. Idempotent. */
    public void markDraining() {
        if (draining.compareAndSet(false, true)) {
            log.info("health: DRAINING");
        }
    }

    /** {@code true} after {@link #markDraining()}. */
    public boolean isDraining() {
        return draining.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/metrics" -> respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
                case "/health" -> {
                    boolean d = draining.get();
                    respond(exchange, d ? 503 : 200, "text/plain; charset=utf-8", d ? "DRAINING\n" : "SERVING\n");
                }
                default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found: try /metrics or /health\n");
            }
        } catch (RuntimeException e) {
            log.warn("metrics endpoint: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops serving, closes the meters' binding and the registry. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        closeQuietly(binding);
        registry.close();
    }

    private static void closeQuietly(@Nullable AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing the meters' binding failed", e);
        }
    }

    @Override
    public String toString() {
        return "MetricsEndpoint(" + url() + (draining.get() ? ", draining" : "") + ")";
    }
}
