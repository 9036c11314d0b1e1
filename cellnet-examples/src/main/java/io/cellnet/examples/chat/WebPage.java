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
 * Serves the chat page ({@code chat.html} from the resources, plain HTML and JavaScript) at
 * {@code /} with the JDK's built-in HTTP server; the placeholders are filled in on each request.
 *
 * <p>Thread safety: requests are served on the HTTP server's dispatcher thread; {@link #close()}
 * may be called from any thread.
 */
final class WebPage implements AutoCloseable {
    private final HttpServer server;
    private final String host;

    private WebPage(HttpServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Serves the page on {@code address} ({@code HOST:PORT}, port 0 for any free port).
     *
     * @param values the placeholder values ({@code __NAME__} → value), read on each request
     */
    static WebPage start(String address, Supplier<Map<String, String>> values) throws IOException {
        Address a = Address.parse(address);
        HttpServer server = HttpServer.create(new InetSocketAddress(a.host(), a.minPort()), 0);
        String template = template();
        server.createContext("/", exchange -> serve(exchange, template, values.get()));
        server.start();
        return new WebPage(server, a.host());
    }

    private static String template() {
        try (InputStream in = Objects.requireNonNull(WebPage.class.getResourceAsStream("chat.html"), "chat.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpExchange exchange, String template, Map<String, String> values) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/index.html")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String page = template;
            for (Map.Entry<String, String> v : values.entrySet()) {
                page = page.replace("__" + v.getKey() + "__", v.getValue());
            }
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
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
