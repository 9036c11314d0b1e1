package io.cellnet.netty.tcp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.RecvMsgEvent;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TCPAcceptor;
import io.cellnet.TCPConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestCerts;
import io.cellnet.netty.TestCerts.Identity;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Optional TLS on acceptor and connector, mutual TLS included, with certificates made by the test:
 * a TLS echo works; a plaintext client and clients without a trusted certificate get no session
 * and no message through.
 */
class TlsTest extends TcpTestBase {
    private static final Identity CA = TestCerts.ca("cellnet test CA");
    private static final Identity SERVER = TestCerts.server("server", CA);
    private static final Identity CLIENT = TestCerts.client("client", CA);
    private static final Identity ROGUE = TestCerts.client("client", TestCerts.ca("cellnet test CA"));
    private static final TestEchoAck HELLO = new TestEchoAck("hello", 1);

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    @Test
    void aTlsEchoWorks() throws Exception {
        TCPAcceptor server = tlsServer(ClientAuth.NONE);
        TCPConnector client = connector(server.port(), clientEvents, b -> b.ssl(clientContext(null)));
        client.start().join();
        clientEvents.expect(SessionConnected.class);
        assertEchoes(client);
        SSLSession tls = tlsOf(client.session());
        assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(tls.getProtocol()), tls.getProtocol());
        assertEquals(SERVER.cert(), tls.getPeerCertificates()[0]);
    }

    @Test
    void aPlaintextClientGetsNoSessionAndNoMessageThrough() throws Exception {
        TCPAcceptor server = tlsServer(ClientAuth.NONE);
        try (RawClient plain = new RawClient(server.port())) {
            plain.write(TcpMalformedInputTest.frame(HELLO));
            plain.readUntilClosed();
        }
        assertNothingReachedTheServer(server);
    }

    @Test
    void mutualTlsAdmitsAClientWithACertificateOfTheTrustedCa() throws Exception {
        TCPAcceptor server = tlsServer(ClientAuth.REQUIRE);
        TCPConnector client = connector(server.port(), clientEvents, b -> b.ssl(clientContext(CLIENT)));
        client.start().join();
        clientEvents.expect(SessionConnected.class);
        Session session = assertEchoes(client);
        assertEquals(CLIENT.cert(), tlsOf(session).getPeerCertificates()[0]);
    }

    @Test
    void mutualTlsRefusesAClientWithAnUntrustedCertificateOrNone() throws Exception {
        TCPAcceptor server = tlsServer(ClientAuth.REQUIRE);
        for (Identity identity : new Identity[] {ROGUE, null}) {
            RecordingEventCallback events = new RecordingEventCallback();
            TCPConnector client = connector(server.port(), ev -> {
                events.onEvent(ev);
                if (ev.message() instanceof SessionConnected) {
                    ev.session().send(HELLO);
                }
            }, b -> b.ssl(clientContext(identity)));
            client.start().join();
            // TLS 1.3: the client may finish its handshake before the server checks its certificate
            // and refuses it; either way the connection ends and nothing reaches the server.
            RecvMsgEvent first = events.poll();
            if (first.message() instanceof SessionConnected) {
                events.expect(SessionClosed.class);
            } else {
                assertTrue(first.message() instanceof SessionConnectError, first.toString());
            }
            NetFixtures.stop(client);
        }
        assertNothingReachedTheServer(server);
    }

    private TCPAcceptor tlsServer(ClientAuth auth) throws SSLException {
        SslContext ctx = SslContextBuilder.forServer(SERVER.key(), SERVER.cert()).trustManager(CA.cert())
                .clientAuth(auth).build();
        TCPAcceptor server = acceptor(Echo.after(serverEvents), b -> b.ssl(ctx));
        server.start().join();
        return server;
    }

    private static SslContext clientContext(@Nullable Identity identity) {
        SslContextBuilder b = SslContextBuilder.forClient().trustManager(CA.cert());
        if (identity != null) {
            b.keyManager(identity.key(), identity.cert());
        }
        try {
            return b.build();
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's HELLO comes back; returns the server's session. */
    private Session assertEchoes(TCPConnector client) {
        client.session().send(HELLO);
        assertEquals(HELLO, clientEvents.expect(TestEchoAck.class));
        Session session = serverEvents.expectEvent(SessionAccepted.class).session();
        assertEquals(HELLO, serverEvents.expect(TestEchoAck.class));
        return session;
    }

    private void assertNothingReachedTheServer(TCPAcceptor server) {
        await().during(Duration.ofMillis(200)).atMost(NetFixtures.WAIT)
                .until(() -> serverEvents.size() == 0 && server.sessionCount() == 0);
    }

    private static SSLSession tlsOf(Session session) {
        return session.as(Channel.class).pipeline().get(SslHandler.class).engine().getSession();
    }
}
