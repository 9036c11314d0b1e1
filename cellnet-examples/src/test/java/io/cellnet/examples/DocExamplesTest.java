package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.cellnet.CloseReason;
import io.cellnet.EventCallback;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.examples.DocExamples.Login;
import io.cellnet.examples.DocExamples.LoginAck;
import io.cellnet.examples.DocExamples.Ping;
import io.cellnet.examples.DocExamples.Pong;
import io.cellnet.netty.embedded.EmbeddedPeer;
import io.cellnet.netty.heartbeat.HeartbeatTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The hooker examples of docs/processors.md behave as the page says, frame by frame. */
class DocExamplesTest {

    @Test
    void theLoginGateLetsLoggedInSessionsThroughAndClosesTheOthers() {
        EmbeddedPeer peer = EmbeddedPeer.builder().registry(DocExamples.registry())
                .bundle(DocExamples.gated(EventCallback.NONE)).build();
        try {
            peer.events().expect(SessionAccepted.class);
            peer.writeInbound(peer.encodeHex(new Login("alice")));
            peer.writeInbound(peer.encodeHex(new LoginAck(1)));
            assertEquals(new Login("alice"), peer.events().expect(Login.class));
            assertEquals(new LoginAck(1), peer.events().expect(LoginAck.class));
        } finally {
            peer.close();
        }
        EmbeddedPeer stranger = EmbeddedPeer.builder().registry(DocExamples.registry())
                .bundle(new DocExamples.GatedLtvProcessor().create(EventCallback.NONE)).build();
        try {
            stranger.events().expect(SessionAccepted.class);
            stranger.writeInbound(stranger.encodeHex(new LoginAck(1)));
            stranger.events().expectClosed(CloseReason.MANUAL);
        } finally {
            stranger.close();
        }
    }

    @Test
    void theHeartbeatPingsAndClosesAfterThreeUnansweredPings() {
        EmbeddedPeer client = EmbeddedPeer.builder().client().registry(DocExamples.registry())
                .bundle(DocExamples.withHeartbeat(EventCallback.NONE, true)).build();
        try {
            client.events().expect(SessionConnected.class);
            client.advanceTimeBy(Duration.ofSeconds(5));
            assertEquals(client.encodeHex(new Ping()), client.readOutboundHex());
            client.writeInbound(client.encodeHex(new Pong()));          // answered: the count restarts
            client.advanceTimeBy(Duration.ofSeconds(20));               // 3 pings unanswered, then the close
            assertInstanceOf(HeartbeatTimeoutException.class, client.events().expectClosed(CloseReason.IO).cause());
        } finally {
            client.close();
        }
        EmbeddedPeer server = EmbeddedPeer.builder().registry(DocExamples.registry())
                .bundle(DocExamples.withHeartbeat(EventCallback.NONE, false)).build();
        try {
            server.events().expect(SessionAccepted.class);
            server.writeInbound(server.encodeHex(new Ping()));
            assertEquals(server.encodeHex(new Pong()), server.readOutboundHex());
            server.events().assertNoMoreEvents();                       // pings and pongs are swallowed
        } finally {
            server.close();
        }
    }
}
