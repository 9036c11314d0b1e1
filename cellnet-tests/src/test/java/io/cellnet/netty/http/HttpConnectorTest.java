package io.cellnet.netty.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.codec.CodecException;
import io.cellnet.netty.HttpPeers;
import io.cellnet.testing.CellnetPeersExtension;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector: answers decoded by the codec, clear errors for non-2xx answers, undecodable
 * bodies, timeouts and a stopped connector, results on the caller's queue, connection reuse, the
 * httpform request codec, and HTTPS with the TLS settings of the TCP peers.
 */
class HttpConnectorTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create();

    private final Set<SocketAddress> clients = ConcurrentHashMap.newKeySet();

    private HttpAcceptor server(java.util.function.UnaryOperator<io.cellnet.netty.HttpAcceptorBuilder> more) {
        return net.start(net.httpAcceptor(ev -> {
            HttpRequestInfo req = Objects.requireNonNull(HttpPeers.request(ev.session()));
            clients.add(Objects.requireNonNull(req.remote()));
            if (ev.message() instanceof HttpEchoREQ r) {
                ev.reply(new HttpEchoACK(r.UserName(), 7));
            } else if (req.match("GET", "/teapot")) {
                ev.reply(HttpRespond.text(418, "short and stout"));
            } else if (req.match("GET", "/text")) {
                ev.reply(HttpRespond.text(200, "not json"));
            } else if (req.match("GET", "/empty")) {
                ev.reply(HttpRespond.status(204));
            }
        }, b -> more.apply(b.route("POST", "/echo", HttpEchoREQ.class).route("POST", "/silent", HttpEchoREQ.class)
                .responseTimeout(Duration.ofSeconds(20)))));
    }

    @Test
    void answersAreDecodedAndConnectionsReused() {
        HttpAcceptor server = server(b -> b);
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b));
        for (int i = 0; i < 5; i++) {
            assertEquals(new HttpEchoACK("n" + i, 7), client.request("POST", "/echo", new HttpEchoREQ("n" + i),
                    HttpEchoACK.class).join());
        }
        assertEquals(1, clients.size(), "one kept-alive connection: " + clients);
    }

    @Test
    void formRequestsUseTheHttpformCodec() {
        HttpAcceptor server = server(b -> b);
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b.requestCodec("httpform")));
        assertEquals(new HttpEchoACK("a b&c", 7),
                client.requestSync("POST", "/echo", new HttpEchoREQ("a b&c"), HttpEchoACK.class));
    }

    @Test
    void aNon2xxAnswerIsAnHttpStatusException() {
        HttpAcceptor server = server(b -> b);
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b));
        HttpStatusException e = assertThrows(HttpStatusException.class,
                () -> client.requestSync("GET", "/teapot", null, HttpEchoACK.class));
        assertEquals(418, e.status());
        assertEquals("short and stout", e.body());
        assertTrue(e.getMessage().contains("GET /teapot answered 418"), e.getMessage());
        assertEquals(404, assertThrows(HttpStatusException.class,
                () -> client.requestSync("GET", "/nothing", null, String.class)).status());
    }

    @Test
    void anUndecodableAnswerIsACodecException() {
        HttpAcceptor server = server(b -> b);
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b));
        CodecException e = assertThrows(CodecException.class,
                () -> client.requestSync("GET", "/text", null, HttpEchoACK.class));
        assertTrue(e.getMessage().contains("GET /text: the answer is not a"), e.getMessage());
        assertEquals("not json", client.requestSync("GET", "/text", null, String.class));
        assertEquals("", client.requestSync("GET", "/empty", null, String.class));
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsATimeout() {
        HttpAcceptor server = net.start(net.httpAcceptor(ev -> { }, b -> b.route("POST", "/silent", HttpEchoREQ.class)
                .responseTimeout(Duration.ofSeconds(20))));
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b.requestTimeout(Duration.ofMillis(200))));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.request("POST", "/silent", new HttpEchoREQ("x"), HttpEchoACK.class).get());
        assertInstanceOf(TimeoutException.class, e.getCause());
        HttpRequestException sync = assertThrows(HttpRequestException.class,
                () -> client.requestSync("POST", "/silent", new HttpEchoREQ("x"), HttpEchoACK.class));
        assertInstanceOf(TimeoutException.class, sync.getCause());
    }

    @Test
    void aStoppedConnectorRefusesAndAClosedPortIsAnIoFailure() {
        HttpAcceptor server = server(b -> b);
        int port = server.port();
        HttpConnector client = net.httpConnector(port, b -> b);
        assertThrows(IllegalStateException.class, () -> client.requestSync("GET", "/teapot", null, String.class));
        net.start(client);
        server.stop().join();
        HttpRequestException e = assertThrows(HttpRequestException.class,
                () -> client.requestSync("GET", "/teapot", null, String.class));
        assertInstanceOf(java.io.IOException.class, e.getCause());
    }

    @Test
    void theResultIsDeliveredOnTheCallersQueue() {
        HttpAcceptor server = server(b -> b);
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b));
        EventQueue queue = net.queue("caller");
        CompletableFuture<Thread> queueThread = new CompletableFuture<>();
        queue.post(() -> queueThread.complete(Thread.currentThread()));
        CompletableFuture<String> result = new CompletableFuture<>();
        client.request("POST", "/echo", new HttpEchoREQ("q"), HttpEchoACK.class, queue, (ack, err) -> {
            assertEquals(queueThread.join(), Thread.currentThread());
            assertNull(err);
            result.complete(Objects.requireNonNull(ack).Token());
        });
        assertEquals("q", result.join());
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        client.request("GET", "/teapot", null, String.class, queue, (s, err) -> failure.complete(err));
        assertInstanceOf(HttpStatusException.class, failure.join());
    }

    @Test
    void httpsWithTheTcpPeersTlsSettings() throws Exception {
        X509Bundle ca = new CertificateBuilder().subject("CN=cellnet test CA").setIsCertificateAuthority(true).ecp256()
                .buildSelfSigned();
        X509Bundle cert = new CertificateBuilder().subject("CN=server").addSanIpAddress("127.0.0.1")
                .addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(ca);
        SslContext serverTls = SslContextBuilder.forServer(cert.getKeyPair().getPrivate(), cert.getCertificatePath())
                .build();
        SslContext clientTls = SslContextBuilder.forClient().trustManager(ca.getCertificate()).build();
        HttpAcceptor server = server(b -> b.ssl(serverTls));
        HttpConnector client = net.start(net.httpConnector(server.port(), b -> b.ssl(clientTls)));
        assertEquals(new HttpEchoACK("tls", 7),
                client.requestSync("POST", "/echo", new HttpEchoREQ("tls"), HttpEchoACK.class));
        HttpConnector plain = net.start(net.httpConnector(server.port(), b -> b.requestTimeout(Duration.ofSeconds(5))));
        assertThrows(HttpRequestException.class,
                () -> plain.requestSync("POST", "/echo", new HttpEchoREQ("plain"), HttpEchoACK.class));
    }
}
