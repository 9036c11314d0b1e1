package io.cellnet.netty.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventCallback;
import io.cellnet.SendResult;
import io.cellnet.netty.HttpPeers;
import io.cellnet.testing.CellnetPeersExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptor against what clients really send, on a raw socket: bad bodies, forms and content
 * types, oversize and slow requests, traversal attempts, a handler that throws or never answers,
 * static files (content types, HEAD, If-Modified-Since), keep-alive, and a stop that frees the
 * port.
 */
class HttpAcceptorTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create();

    @TempDir
    Path dir;
    Path www;
    private final List<Object> received = new CopyOnWriteArrayList<>();

    /** Echoes a declared route's message; throws on /boom; ignores everything else (fall-through). */
    private final EventCallback handler = ev -> {
        received.add(ev.message());
        HttpRequestInfo req = Objects.requireNonNull(HttpPeers.request(ev.session()));
        if (req.match("GET", "/boom")) {
            throw new IllegalStateException("boom (a test's handler failure)");
        }
        if (ev.message() instanceof HttpEchoREQ r) {
            ev.reply(new HttpEchoACK(r.UserName(), 0));
        }
    };

    @BeforeEach
    void files() throws IOException {
        www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(dir.resolve("secret.txt"), "do not serve");
        Files.writeString(www.resolve("index.html"), "<p>admin</p>");
        Files.writeString(www.resolve("app.js"), "let a = 1;");
        Files.writeString(www.resolve("data.bin"), "xyz");
        Files.createDirectories(www.resolve("sub"));
        Files.writeString(www.resolve("sub/page.css"), "p{}");
    }

    private HttpAcceptor server() {
        return net.start(net.httpAcceptor(handler, b -> b.staticDir(www).route("POST", "/echo", HttpEchoREQ.class)
                .route("GET", "/echo", HttpEchoREQ.class).route("POST", "/never", HttpEchoREQ.class)
                .maxRequestBytes(1024).responseTimeout(Duration.ofMillis(300)).requestTimeout(Duration.ofMillis(500))));
    }

    private RawHttp.Response once(HttpAcceptor server, String request) {
        try (RawHttp raw = new RawHttp(server.port())) {
            return raw.send(request).read(request.startsWith("HEAD "));
        }
    }

    @Test
    void jsonAndFormBodiesAndQueryStringsAreDecodedIntoTheRoutesType() {
        HttpAcceptor server = server();
        assertEquals("{\"Token\":\"kitty\",\"Status\":0}", once(server, RawHttp.request("POST", "/echo",
                "Content-Type: application/json\r\n", "{\"username\":\"kitty\"}")).body());
        assertEquals("{\"Token\":\"a b\",\"Status\":0}", once(server, RawHttp.request("POST", "/echo",
                "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n", "UserName=a+b")).body());
        RawHttp.Response r = once(server, RawHttp.request("GET", "/echo?UserName=q%C3%A9", "", ""));
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("content-type"));
        assertEquals("{\"Token\":\"qé\",\"Status\":0}", r.body());
    }

    @Test
    void malformedJsonIs400AndNoEvent() {
        HttpAcceptor server = server();
        RawHttp.Response r = once(server, RawHttp.request("POST", "/echo", "Content-Type: application/json\r\n",
                "{\"UserName\":"));
        assertEquals(400, r.status());
        assertTrue(r.body().startsWith("400 Bad Request: "), r.body());
        assertEquals(List.of(), received);
    }

    @Test
    void malformedFormsAre400() {
        HttpAcceptor server = server();
        String form = "Content-Type: application/x-www-form-urlencoded\r\n";
        assertEquals(400, once(server, RawHttp.request("POST", "/echo", form, "UserName=%zz")).status());
        assertEquals(400, once(server, RawHttp.request("GET", "/echo?UserName=%", "", "")).status());
        assertEquals(List.of(), received);
    }

    @Test
    void unknownContentTypesAre415() {
        HttpAcceptor server = server();
        RawHttp.Response r = once(server, RawHttp.request("POST", "/echo", "Content-Type: text/xml\r\n", "<a/>"));
        assertEquals(415, r.status());
        assertTrue(r.body().contains("text/xml"), r.body());
        assertEquals(415, once(server, RawHttp.request("POST", "/echo", "", "UserName=x")).status());
        assertEquals(List.of(), received);
    }

    @Test
    void oversizeBodiesAre413() {
        HttpAcceptor server = server();
        String big = "{\"UserName\":\"" + "x".repeat(2000) + "\"}";
        assertEquals(413, once(server, RawHttp.request("POST", "/echo", "Content-Type: application/json\r\n", big))
                .status());
        assertEquals(List.of(), received);
    }

    @Test
    void aHandlerThatNeverAnswersGets503AfterTheTimeoutAndALateAnswerIsRefused() {
        CompletableFuture<SendResult> late = new CompletableFuture<>();
        HttpAcceptor server = net.start(net.httpAcceptor(ev -> {
            if (ev.message() instanceof HttpEchoREQ) {
                io.netty.util.concurrent.GlobalEventExecutor.INSTANCE.schedule(
                        () -> late.complete(ev.reply(new HttpEchoACK("late", 0))), 1, java.util.concurrent.TimeUnit.SECONDS);
            }
        }, b -> b.route("POST", "/never", HttpEchoREQ.class).responseTimeout(Duration.ofMillis(200))));
        RawHttp.Response r = once(server, RawHttp.request("POST", "/never", "Content-Type: application/json\r\n",
                "{\"UserName\":\"x\"}"));
        assertEquals(503, r.status());
        assertEquals(SendResult.CLOSED, late.join());
    }

    @Test
    void aHandlerThatThrowsGives500AndTheServerKeepsServing() {
        HttpAcceptor server = server();
        assertEquals(500, once(server, RawHttp.request("GET", "/boom", "", "")).status());
        assertEquals(200, once(server, RawHttp.request("POST", "/echo", "Content-Type: application/json\r\n",
                "{\"UserName\":\"x\"}")).status());
    }

    @Test
    void traversalOutOfTheStaticDirectoryIsNotFound() {
        HttpAcceptor server = server();
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/sub/../../secret.txt",
                "/sub/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/%00")) {
            RawHttp.Response r = once(server, RawHttp.request("GET", path, "", ""));
            assertEquals(404, r.status(), path);
            assertFalse(r.body().contains("do not serve"), path);
        }
        assertEquals("p{}", once(server, RawHttp.request("GET", "/./sub//page.css", "", "")).body());
    }

    @Test
    void staticFilesHaveTheirContentTypesAndTheDirectoryItsIndex() {
        HttpAcceptor server = server();
        RawHttp.Response index = once(server, RawHttp.request("GET", "/", "", ""));
        assertEquals(200, index.status());
        assertEquals("<p>admin</p>", index.body());
        assertEquals("text/html; charset=utf-8", index.header("content-type"));
        assertEquals("text/javascript; charset=utf-8",
                once(server, RawHttp.request("GET", "/app.js", "", "")).header("content-type"));
        assertEquals("text/css; charset=utf-8",
                once(server, RawHttp.request("GET", "/sub/page.css", "", "")).header("content-type"));
        assertEquals("application/octet-stream",
                once(server, RawHttp.request("GET", "/data.bin", "", "")).header("content-type"));
        assertEquals(404, once(server, RawHttp.request("GET", "/missing.html", "", "")).status());
        assertEquals(404, once(server, RawHttp.request("POST", "/app.js", "", "")).status());
    }

    @Test
    void headGivesTheHeadersWithoutTheBody() {
        HttpAcceptor server = server();
        try (RawHttp raw = new RawHttp(server.port())) {
            RawHttp.Response r = raw.send(RawHttp.request("HEAD", "/app.js", "", "")).read(true);
            assertEquals(200, r.status());
            assertEquals("10", r.header("content-length"));
            assertNotNull(r.header("last-modified"));
            // the next response on the connection starts right after the head: no body was sent
            RawHttp.Response next = raw.send(RawHttp.request("GET", "/sub/page.css", "", "")).read();
            assertEquals("p{}", next.body());
        }
    }

    @Test
    void ifModifiedSinceGives304() throws IOException {
        Instant modified = Instant.parse("2024-01-02T03:04:05Z");
        Files.setLastModifiedTime(www.resolve("app.js"), FileTime.from(modified));
        HttpAcceptor server = server();
        DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        RawHttp.Response same = once(server, RawHttp.request("GET", "/app.js",
                "If-Modified-Since: " + http.format(modified) + "\r\n", ""));
        assertEquals(304, same.status());
        assertEquals("", same.body());
        RawHttp.Response older = once(server, RawHttp.request("GET", "/app.js",
                "If-Modified-Since: " + http.format(modified.minusSeconds(1)) + "\r\n", ""));
        assertEquals(200, older.status());
        assertEquals(http.format(modified), older.header("last-modified"));
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnectionInOrder() {
        HttpAcceptor server = server();
        try (RawHttp raw = new RawHttp(server.port())) {
            // pipelined: both requests at once, answered in order
            raw.send(RawHttp.request("POST", "/echo", "Content-Type: application/json\r\n", "{\"UserName\":\"1\"}")
                    + RawHttp.request("GET", "/echo?UserName=2", "", ""));
            assertEquals("{\"Token\":\"1\",\"Status\":0}", raw.read().body());
            assertEquals("{\"Token\":\"2\",\"Status\":0}", raw.read().body());
            RawHttp.Response last = raw.send(RawHttp.request("GET", "/app.js", "Connection: close\r\n", "")).read();
            assertEquals("let a = 1;", last.body());
            assertEquals("close", last.header("connection"));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void aSlowRequestGets408() {
        HttpAcceptor server = server();
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"User");
            assertEquals(408, raw.read().status());
            assertTrue(raw.closedByServer());
        }
        assertEquals(List.of(), received);
    }

    @Test
    void stopReturnsAndReleasesThePort() throws IOException {
        HttpAcceptor server = server();
        int port = server.port();
        try (RawHttp idle = new RawHttp(port)) {
            assertEquals(200, idle.send(RawHttp.request("GET", "/app.js", "", "")).read().status());
            server.stop().join();
            assertTrue(idle.closedByServer());
        }
        assertEquals(0, server.port());
        assertNull(server.boundAddress());
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
            assertTrue(again.isBound());
        }
    }
}
