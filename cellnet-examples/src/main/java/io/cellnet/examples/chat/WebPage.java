package io.cellnet.examples.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cellnet.Address;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Serves the chat page with the JDK's built-in HTTP server: {@code /} is {@code chat.html} with
 * {@code __CONFIG__} replaced by the page's settings (JSON), and the page's files (the
 * {@code ws-ltv.js} client module, {@code chat.js}, the favicon, also as {@code /favicon.ico}),
 * all from the {@code web/} resources. Anything else is a 404; a method other than GET or HEAD a 405.
 *
 * <p>Thread safety: requests are served on the HTTP server's dispatcher thread; {@link #close()}
 * may be called from any thread.
 */
final class WebPage implements AutoCloseable {
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String SVG = "image/svg+xml";
    /** URL path → resource under {@code web/} and its content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/ws-ltv.js", new String[] {"ws-ltv.js", JS},
            "/chat.js", new String[] {"chat.js", JS},
            "/favicon.svg", new String[] {"favicon.svg", SVG},
            "/favicon.ico", new String[] {"favicon.svg", SVG});

    private final HttpServer server;
    private final String host;

    private WebPage(HttpServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Serves the page on {@code address} ({@code HOST:PORT}, port 0 for any free port).
     *
     * @param configJson the page's settings, a JSON object put in place of {@code __CONFIG__}; read
     *                   on each request (the ports are known once the peers are listening)
     */
    static WebPage start(String address, Supplier<String> configJson) throws IOException {
        Address a = Address.parse(address);
        HttpServer server = HttpServer.create(new InetSocketAddress(a.host(), a.minPort()), 0);
        String template = resource("chat.html");
        // "</" cannot end the page's <script> element early: JSON allows "\/" for "/".
        server.createContext("/", exchange -> serve(exchange, () -> template
                .replace("__CONFIG__", configJson.get().replace("</", "<\\/")).getBytes(StandardCharsets.UTF_8)));
        server.start();
        return new WebPage(server, a.host());
    }

    static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(WebPage.class.getResourceAsStream("web/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpExchange exchange, Supplier<byte[]> page) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String[] file = FILES.get(path);
            byte[] body;
            String type;
            if (path.equals("/") || path.equals("/index.html")) {
                body = page.get();
                type = "text/html; charset=utf-8";
            } else if (file != null) {
                body = resource(file[0]).getBytes(StandardCharsets.UTF_8);
                type = file[1];
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The page's URL, with the bound port. */
    String url() {
        return "http://" + Address.parse(host + ":0").hostPort(server.getAddress().getPort()) + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
