package io.cellnet.netty.relay;

import io.cellnet.relay.Relay;
import io.cellnet.relay.RelayBroadcaster;
import io.cellnet.relay.RelayRecvMsgEvent;
import static io.cellnet.netty.GoFrames.compact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.EventQueue;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.GoFrames;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.codec.json.JsonCodec;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go's TestRelay: client → agent → backend → agent → client. The agent relays the client's message
 * to the backend with its session id + 10000 (and a slice, a string and bytes); the backend relays
 * it back with the same passthrough values; the agent's broadcaster finds the client session and
 * sends the message, which must arrive unchanged.
 */
class RelayTest {
    private static final long MASK = 10000;
    private static final TestEchoAck HELLO = new TestEchoAck("hello", 1234);
    private static final long[] SLICE = {-1, 2, 0};
    private static final byte[] BYTES = {(byte) 0xCA, (byte) 0xFE};

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry(JsonCodec.INSTANCE));

    private final CompletableFuture<Session> backendSession = new CompletableFuture<>();
    private final CompletableFuture<RelayRecvMsgEvent> broadcast = new CompletableFuture<>();

    @ParameterizedTest(name = "global broadcaster and reply: {0}")
    @ValueSource(booleans = {false, true})
    void clientAgentBackendAndBack(boolean globalAndReply) {
        EventQueue agentQueue = net.queue("agent");
        TcpAcceptor backendSide = net.start(net.tcpAcceptor(ev -> {
            if (ev.message() instanceof SessionAccepted) {
                backendSession.complete(ev.session());
            }
        }, b -> b.name("backend->agent").queue(agentQueue)));
        TcpAcceptor clientSide = net.start(net.tcpAcceptor(ev -> {
            if (ev.message() instanceof TestEchoAck) {
                Relay.relay(backendSession.join(), ev.message(), ev.session().id() + MASK, SLICE, "via agent", BYTES);
            }
        }, b -> b.name("client->agent").queue(agentQueue)));
        RelayBroadcaster toClient = ev -> {
            if (ev.session().peer() == backendSide && agentQueue.inLoop()) {
                broadcast.complete(ev);
                clientSide.session(ev.passThroughAsInt64() - MASK).send(ev.message());
            }
        };
        if (globalAndReply) {
            Relay.setBroadcaster(toClient);
        } else {
            Relay.setBroadcaster(backendSide, toClient);
        }
        try {
            startBackend(backendSide.port(), globalAndReply);
            backendSession.orTimeout(5, TimeUnit.SECONDS).join();
            RecordingEventCallback client = new RecordingEventCallback();
            net.start(net.tcpConnector(clientSide.port(), ev -> {
                client.onEvent(ev);
                if (ev.message() instanceof SessionConnected) {
                    ev.send(HELLO);
                }
            }, b -> b));
            client.expect(SessionConnected.class);
            assertEquals(HELLO, client.expect(TestEchoAck.class));
            client.assertNoMoreEvents();
        } finally {
            Relay.setBroadcaster(null);
        }
        RelayRecvMsgEvent back = broadcast.join();
        assertEquals(HELLO, back.message());
        assertArrayEquals(SLICE, back.passThroughAsInt64Slice());
        assertEquals("via agent", back.passThroughAsString());
        assertArrayEquals(BYTES, back.passThroughAsBytes());
    }

    private void startBackend(int agentPort, boolean reply) {
        EventQueue backendQueue = net.queue("backend");
        TcpConnector[] backend = new TcpConnector[1];
        backend[0] = net.start(net.tcpConnector(agentPort, ev -> {
            if (ev instanceof RelayRecvMsgEvent relayed) {
                if (reply) {
                    relayed.reply(relayed.message());
                } else {
                    Relay.relay(backend[0], relayed.message(), relayed.passThroughAsInt64(),
                            relayed.passThroughAsInt64Slice(), relayed.passThroughAsString(),
                            relayed.passThroughAsBytes());
                }
            }
        }, b -> b.name("backend").queue(backendQueue)));
    }

    @Test
    void relayOnASocketIsGosFrameByteForByte() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(ev -> {
            if (ev.message() instanceof SessionAccepted) {
                Relay.relay(ev.session(), HELLO, 1000L, SLICE, "passthrough");
            }
        }, b -> b));
        try (RawClient go = new RawClient(server.port())) {
            assertEquals(compact(GoFrames.RELAY_JSON), go.read(67));
        }
    }

    @Test
    void goFrameOnASocketArrivesAsARelayEvent() throws Exception {
        RecordingEventCallback events = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(events, b -> b));
        try (RawClient go = new RawClient(server.port())) {
            go.write(compact(GoFrames.RELAY_JSON));
            events.expect(SessionAccepted.class);
            RelayRecvMsgEvent ev = (RelayRecvMsgEvent) events.expectEvent(TestEchoAck.class);
            assertEquals(1000L, ev.passThroughAsInt64());
            assertArrayEquals(SLICE, ev.passThroughAsInt64Slice());
            assertEquals("passthrough", ev.passThroughAsString());
            assertTrue(ev.hasMessage());
        }
    }
}
