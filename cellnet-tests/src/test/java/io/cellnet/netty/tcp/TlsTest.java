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
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.LtvFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Optional TLS on acceptor and connector, mutual TLS included, with certificates made offline by
 * the test (a CA, server and client certificates it signs, and a client certificate of another
 * CA): a TLS echo works; a plaintext client and clients without a trusted certificate get no
 * session and no message through.
 */
class TlsTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private static final TestEchoAck HELLO = new TestEchoAck("hello", 1);
    private static X509Bundle caCert;
    private static X509Bundle serverCert;
    private static X509Bundle clientCert;
    private static X509Bundle rogueCert;

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    @BeforeAll
    static void certificates() throws Exception {
        caCert = authority();
        serverCert = new CertificateBuilder().subject("CN=server").addSanIpAddress("127.0.0.1")
                .addSanDnsName("localhost").addExtendedKeyUsageServerAuth().ecp256().buildIssuedBy(caCert);
        clientCert = clientOf(caCert);
        rogueCert = clientOf(authority());
    }

    @Test
    void aTlsEchoWorks() {
        TcpAcceptor server = tlsServer(ClientAuth.NONE);
        TcpConnector client = net.tcpConnector(server.port(), clientEvents, b -> b.ssl(clientContext(null)));
        client.start().join();
        clientEvents.expect(SessionConnected.class);
        assertEchoes(client);
        SSLSession tls = tlsOf(client.session());
        assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(tls.getProtocol()), tls.getProtocol());
        assertEquals(serverCert.getCertificate(), firstPeerCertificate(tls));
    }

    @Test
    void aPlaintextClientGetsNoSessionAndNoMessageThrough() throws Exception {
        TcpAcceptor server = tlsServer(ClientAuth.NONE);
        try (RawClient plain = new RawClient(server.port())) {
            plain.write(LtvFrames.frame(HELLO));
            plain.readUntilClosed();
        }
        assertNothingReachedTheServer(server);
    }

    @Test
    void mutualTlsAdmitsAClientWithACertificateOfTheTrustedCa() {
        TcpAcceptor server = tlsServer(ClientAuth.REQUIRE);
        TcpConnector client = net.tcpConnector(server.port(), clientEvents, b -> b.ssl(clientContext(clientCert)));
        client.start().join();
        clientEvents.expect(SessionConnected.class);
        Session session = assertEchoes(client);
        assertEquals(clientCert.getCertificate(), firstPeerCertificate(tlsOf(session)));
    }

    @Test
    void mutualTlsRefusesAClientWithAnUntrustedCertificateOrNone() {
        TcpAcceptor server = tlsServer(ClientAuth.REQUIRE);
        for (X509Bundle identity : Arrays.asList(rogueCert, null)) {
            RecordingEventCallback events = new RecordingEventCallback();
            TcpConnector client = net.tcpConnector(server.port(), ev -> {
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

    private static X509Bundle authority() throws Exception {
        return new CertificateBuilder().subject("CN=cellnet test CA").setIsCertificateAuthority(true).ecp256()
                .buildSelfSigned();
    }

    private static X509Bundle clientOf(X509Bundle issuer) throws Exception {
        return new CertificateBuilder().subject("CN=client").addExtendedKeyUsageClientAuth().ecp256()
                .buildIssuedBy(issuer);
    }

    private TcpAcceptor tlsServer(ClientAuth auth) {
        SslContext ctx = build(SslContextBuilder.forServer(serverCert.getKeyPair().getPrivate(),
                serverCert.getCertificatePath()).trustManager(caCert.getCertificate()).clientAuth(auth));
        TcpAcceptor server = net.tcpAcceptor(Echo.after(serverEvents), b -> b.ssl(ctx));
        server.start().join();
        return server;
    }

    private static SslContext clientContext(@Nullable X509Bundle identity) {
        SslContextBuilder b = SslContextBuilder.forClient().trustManager(caCert.getCertificate());
        if (identity != null) {
            b.keyManager(identity.getKeyPair().getPrivate(), identity.getCertificatePath());
        }
        return build(b);
    }

    private static SslContext build(SslContextBuilder b) {
        try {
            return b.build();
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's HELLO comes back; returns the server's session. */
    private Session assertEchoes(TcpConnector client) {
        client.session().send(HELLO);
        assertEquals(HELLO, clientEvents.expect(TestEchoAck.class));
        Session session = serverEvents.expectEvent(SessionAccepted.class).session();
        assertEquals(HELLO, serverEvents.expect(TestEchoAck.class));
        return session;
    }

    private void assertNothingReachedTheServer(TcpAcceptor server) {
        await().during(Duration.ofMillis(200)).atMost(NetFixtures.WAIT)
                .until(() -> serverEvents.size() == 0 && server.sessionCount() == 0);
    }

    private static SSLSession tlsOf(Session session) {
        return session.as(Channel.class).pipeline().get(SslHandler.class).engine().getSession();
    }

    private static Object firstPeerCertificate(SSLSession tls) {
        try {
            return tls.getPeerCertificates()[0];
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            throw new AssertionError(e);
        }
    }
}
