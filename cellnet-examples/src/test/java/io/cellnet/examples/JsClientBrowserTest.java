package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cellnet.StringHash;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ws.ltv JavaScript client's own tests ({@code ws-ltv.test.js}: StringHash vectors, json codec
 * round trips, frames, URLs, queue, reconnect and close), run in headless Chromium; each JavaScript
 * test becomes one JUnit test here. The client's StringHash is also checked against
 * {@link StringHash} for every vector.
 */
@ExtendWith(NoLeftoversExtension.class)
class JsClientBrowserTest {
    private static final String WEB = "/io/cellnet/examples/chat/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    @TestFactory
    Stream<DynamicTest> theJavaScriptClientPassesItsTestsInChromium() throws Exception {
        HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring(1);
                InputStream in = name.contains("/") ? null : JsClientBrowserTest.class.getResourceAsStream(WEB + name);
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body;
                try (in) {
                    body = in.readAllBytes();
                }
                exchange.getResponseHeaders().set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        files.start();
        List<Map<String, Object>> results;
        List<List<Object>> vectors;
        List<Long> hashes;
        try (Chromium chromium = Chromium.start(800, 600)) {
            chromium.driver.get("http://127.0.0.1:" + files.getAddress().getPort() + "/ws-ltv.test.html");
            chromium.waiting().until(d -> Boolean.TRUE.equals(chromium.js("return window.testRun?.done === true")));
            results = cast(chromium.js("return window.testRun.results"));
            vectors = cast(chromium.js("return window.GO_VECTORS"));
            hashes = cast(chromium.js("return window.GO_VECTORS.map(v => window.stringHash(v[0]))"));
        } finally {
            files.stop(0);
        }
        assertTrue(results.size() >= 40, "too few JavaScript tests ran: " + results.size());
        assertEquals(21, vectors.size(), "the vectors of StringHashTest");
        Stream<DynamicTest> javaScript = results.stream().map(r -> DynamicTest.dynamicTest("js: " + r.get("name"),
                () -> assertTrue((Boolean) r.get("ok"), () -> String.valueOf(r.get("error")))));
        Stream<DynamicTest> sameAsJava = Stream.iterate(0, i -> i < vectors.size(), i -> i + 1).map(i -> {
            String name = (String) vectors.get(i).get(0);
            return DynamicTest.dynamicTest("stringHash(\"" + name + "\") in JavaScript = StringHash.hash in Java",
                    () -> {
                        assertEquals(StringHash.hash(name), hashes.get(i).intValue());
                        assertEquals(StringHash.hash(name), ((Number) vectors.get(i).get(1)).intValue());
                    });
        });
        return Stream.concat(javaScript, sameAsJava);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
