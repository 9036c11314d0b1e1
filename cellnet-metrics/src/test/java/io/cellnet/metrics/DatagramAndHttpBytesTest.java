package io.cellnet.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.SendResult;
import io.cellnet.SessionConnected;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.metrics.Fixture.Ping;
import io.cellnet.metrics.Fixture.Pong;
import io.cellnet.netty.HttpPeers;
import io.cellnet.netty.UdpPeers;
import io.cellnet.netty.http.HttpAcceptor;
import io.cellnet.observe.Observer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code cellnet.bytes.read} and {@code cellnet.bytes.written} of UDP and HTTP peers, over real sockets. */
class DatagramAndHttpBytesTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Fixture f = new Fixture();
    private final Observer observer = CellnetMetrics.observer(f.registry);

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void udpPeersCountTheirDatagramsBytes() throws Exception {
        UdpAcceptor server = f.start(UdpPeers.acceptor().name("udp-server").address("127.0.0.1:0")
                .registry(f.messages).observer(observer).callback(ev -> {
                    if (ev.message() instanceof Ping p) {
                        ev.session().send(new Pong(p.Text()));
                    }
                }).build());
        CompletableFuture<Void> connected = new CompletableFuture<>();
        CompletableFuture<Pong> answered = new CompletableFuture<>();
        UdpConnector client = f.start(UdpPeers.connector().name("udp-client").address("127.0.0.1:" + server.port())
                .registry(f.messages).observer(observer).callback(ev -> {
                    if (ev.message() instanceof SessionConnected) {
                        connected.complete(null);
                    } else if (ev.message() instanceof Pong p) {
                        answered.complete(p);
                    }
                }).build());
        connected.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertEquals(SendResult.QUEUED, client.session().send(new Ping("over udp")));
        assertEquals(new Pong("over udp"), answered.get(BOUND.toSeconds(), TimeUnit.SECONDS));
        // one datagram each way: at least the body, "over udp", plus the header
        await().atMost(BOUND).until(() -> f.count("cellnet.bytes.read", "peer", "udp-server") >= 8
                && f.count("cellnet.bytes.written", "peer", "udp-server") >= 8);
        assertTrue(f.count("cellnet.bytes.written", "peer", "udp-client") >= 8);
        await().atMost(BOUND).until(() -> f.count("cellnet.bytes.read", "peer", "udp-client")
                == f.count("cellnet.bytes.written", "peer", "udp-server"));
    }

    @Test
    void httpAcceptorsCountTheRequestAndTheResponseBytes() throws Exception {
        HttpAcceptor server = f.start(HttpPeers.acceptor().name("web").address("127.0.0.1:0").observer(observer)
                .callback(ev -> { }).build());
        String response;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout((int) BOUND.toMillis());
            OutputStream out = s.getOutputStream();
            out.write("GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        assertTrue(response.startsWith("HTTP/1.1 404"), response);
        // "GET /nothing-here HTTP/1.1" and the headers in; the status line and headers out
        await().atMost(BOUND).until(() -> f.count("cellnet.bytes.read", "peer", "web") >= 30
                && f.count("cellnet.bytes.written", "peer", "web") >= 17);
    }
}
