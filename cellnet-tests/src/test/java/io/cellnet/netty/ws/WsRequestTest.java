package io.cellnet.netty.ws;

import static io.cellnet.testing.CellnetPeersExtension.wsUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnectError;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.WsPeers;
import io.cellnet.netty.internal.ws.ForwardedFor;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The upgrade request on the session, X-Forwarded-For trust, and the origin check. */
class WsRequestTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private static final String FORWARDED = "203.0.113.7, 10.0.0.1";

    private RecvMsgEvent acceptedWith(WsOptions serverOptions, WsOptions clientOptions) {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.wsAcceptor(serverEvents, serverOptions, b -> b);
        server.start().join();
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.wsConnector(wsUrl(server) + "?token=abc", events, clientOptions, b -> b);
        client.start().join();
        events.expect(SessionConnected.class);
        assertNull(WsPeers.request(client.session()));
        return serverEvents.expectEvent(SessionAccepted.class);
    }

    @Test
    void theUpgradeRequestIsInTheSessionContextBeforeSessionAccepted() {
        WsOptions client = WsOptions.builder().header("X-Player", "p1").header("X-Forwarded-For", FORWARDED).build();
        RecvMsgEvent accepted = acceptedWith(WsOptions.DEFAULT, client);
        WsRequest request = accepted.session().getContext(WsPeers.REQUEST);
        assertNotNull(request);
        assertSame(request, accepted.session().getContext(WsPeers.GO_REQUEST_KEY));
        assertEquals("/ws?token=abc", request.uri());
        assertEquals("/ws", request.path());
        assertEquals("p1", request.header("x-player"));
        assertEquals("websocket", request.header("Upgrade").toLowerCase(java.util.Locale.ROOT));
        assertEquals(accepted.session().remoteAddress(), request.remoteAddress());
        assertEquals(request.remoteAddress(), request.clientAddress(), "X-Forwarded-For is not trusted by default");
    }

    @Test
    void aTrustingAcceptorTakesTheClientAddressFromXForwardedFor() throws Exception {
        WsOptions client = WsOptions.builder().header("X-Forwarded-For", FORWARDED).build();
        RecvMsgEvent accepted = acceptedWith(WsOptions.builder().trustForwardedFor(true).build(), client);
        WsRequest request = WsPeers.request(accepted.session());
        assertEquals(new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 0), request.clientAddress());
        assertEquals(InetAddress.getLoopbackAddress(), ((InetSocketAddress) request.remoteAddress()).getAddress());
    }

    @Test
    void forwardedForAcceptsOnlyIpLiterals() throws Exception {
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 0), ForwardedFor.clientAddress("[::1]:443, 10.0.0.1"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 0), ForwardedFor.clientAddress("::1"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 0),
                ForwardedFor.clientAddress(" 192.0.2.1:8080 "));
        assertNull(ForwardedFor.clientAddress("evil.example, 10.0.0.1"));
        assertNull(ForwardedFor.clientAddress(null));
    }

    @Test
    void anAcceptorRefusesAnOriginItsCheckRejectsWith403AndNoSession() throws Exception {
        WsOptions strict = WsOptions.builder().originCheck(WsOriginCheck.allowOrigins("https://game.example")).build();
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.wsAcceptor(serverEvents, strict, b -> b);
        server.start().join();
        try (RawWs raw = RawWs.connect(server.port())) {
            String head = raw.upgrade("/ws", "Origin: https://evil.example");
            assertTrue(head.startsWith("HTTP/1.1 403"), head);
            raw.awaitClose();
        }
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector evil = net.wsConnector(wsUrl(server), events,
                WsOptions.builder().header("Origin", "https://evil.example").build(), b -> b);
        assertThrows(CompletionException.class, () -> evil.start().join(), "no reconnect policy: the start fails");
        SessionConnectError error = events.expect(SessionConnectError.class);
        assertFalse(error.willRetry());
        serverEvents.assertNoMoreEvents();

        TcpConnector good = net.wsConnector(wsUrl(server), events,
                WsOptions.builder().header("Origin", "https://GAME.example").build(), b -> b);
        good.start().join();
        events.expect(SessionConnected.class);
        serverEvents.expect(SessionAccepted.class);
    }

    @Test
    void sameHostAcceptsOnlyTheAcceptorsOwnOrigin() throws Exception {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.wsAcceptor(serverEvents,
                WsOptions.builder().originCheck(WsOriginCheck.sameHost()).build(), b -> b);
        server.start().join();
        try (RawWs raw = RawWs.connect(server.port())) {
            assertTrue(raw.upgrade("/ws", "Origin: http://127.0.0.1:" + server.port()).startsWith("HTTP/1.1 101"));
        }
        try (RawWs raw = RawWs.connect(server.port())) {
            assertTrue(raw.upgrade("/ws", "Origin: http://other.example").startsWith("HTTP/1.1 403"));
        }
        serverEvents.expect(SessionAccepted.class);
    }
}
