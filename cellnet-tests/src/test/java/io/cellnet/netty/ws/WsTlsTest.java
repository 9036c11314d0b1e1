package io.cellnet.netty.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** wss: the acceptor with a server TLS context, the connector with a client one for {@code wss://}. */
class WsTlsTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private static X509Bundle cert;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        cert = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .addSanIpAddress("127.0.0.1").setIsCertificateAuthority(true).ecp256().buildSelfSigned();
    }

    private TcpAcceptor tlsAcceptor(RecordingEventCallback events) throws Exception {
        SslContext server = SslContextBuilder.forServer(cert.getKeyPair().getPrivate(), cert.getCertificate()).build();
        TcpAcceptor a = net.wsAcceptor(Echo.everything(events), WsOptions.DEFAULT, b -> b.ssl(server));
        a.start().join();
        return a;
    }

    @Test
    void echoOverWss() throws Exception {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = tlsAcceptor(serverEvents);
        SslContext trusting = SslContextBuilder.forClient().trustManager(cert.getCertificate()).build();
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.wsConnector("wss://127.0.0.1:" + server.port() + "/ws", events, WsOptions.DEFAULT,
                b -> b.ssl(trusting));
        client.start().join();
        events.expect(SessionConnected.class);
        client.session().send(new TestEchoAck("secret", 42));
        assertEquals(new TestEchoAck("secret", 42), events.expect(TestEchoAck.class));
        serverEvents.expect(SessionAccepted.class);
        assertEquals(new TestEchoAck("secret", 42), serverEvents.expect(TestEchoAck.class));
    }

    @Test
    void wssWithoutAContextUsesTheDefaultTrustAndRefusesAnUnknownCertificate() throws Exception {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = tlsAcceptor(serverEvents);
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.wsConnector("wss://127.0.0.1:" + server.port() + "/ws", events, WsOptions.DEFAULT,
                b -> b);
        assertThrows(CompletionException.class, () -> client.start().join(), "no reconnect policy: the start fails");
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertFalse(error.willRetry());
        events.assertNoMoreEvents();
        serverEvents.assertNoMoreEvents();
    }
}
