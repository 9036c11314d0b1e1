package io.cellnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import io.cellnet.EventCallback;
import io.cellnet.EventQueue;
import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.PeerState;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.SystemMessage;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.codec.binary.BinaryCodec;
import io.cellnet.netty.ws.WsOptions;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The peers extension: one echo per transport on its peers, and what its cleanup does: every peer
 * stopped, queue and resource closed, and a channel left open or a buffer not released fails.
 */
class CellnetPeersExtensionTest {
    record Ping(String text, int n) {
    }

    private final MessageRegistry registry = MessageRegistry.create();
    private final CellnetPeersExtension net;

    CellnetPeersExtensionTest() {
        registry.register(MessageMeta.of(Ping.class, "test.Ping", BinaryCodec.INSTANCE));
        // a short bound for the checks that fail here; the public factory's is 10 s
        net = new CellnetPeersExtension(registry, Duration.ofMillis(200));
    }

    @AfterEach
    void cleanUpWhatATestLeft() {
        net.close();
    }

    /** Records every event, and answers each user message with itself. */
    private static EventCallback echo(RecordingEventCallback events) {
        return ev -> {
            events.onEvent(ev);
            if (!(ev.message() instanceof SystemMessage)) {
                ev.reply(ev.message());
            }
        };
    }

    private static void roundTrip(TcpConnector client, RecordingEventCallback events) {
        events.expect(SessionConnected.class);
        client.session().send(new Ping("hi", 1));
        assertEquals(new Ping("hi", 1), events.expect(Ping.class));
    }

    @Test
    void tcpPeersEchoOnLoopbackWithTheRegistryAndAreStoppedWithTheirChannelsClosed() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(echo(serverEvents), b -> b));
        assertEquals("server", server.name());
        assertTrue(server.port() > 0);
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.start(net.tcpConnector(server.port(), events, b -> b.queue(net.queue("client"))));
        assertEquals("client", client.name());
        assertEquals("127.0.0.1:" + server.port(), client.address());
        roundTrip(client, events);
        serverEvents.expect(SessionAccepted.class);
        List<Channel> made = net.channels();
        assertEquals(2, made.size(), "the accepted and the dialled channel");

        net.afterEach(mock(ExtensionContext.class));
        assertEquals(List.of(PeerState.STOPPED, PeerState.STOPPED), List.of(server.state(), client.state()));
        assertTrue(made.stream().noneMatch(Channel::isOpen));
        assertTrue(net.channels().isEmpty(), "forgotten for the next test");
        assertEquals(0, net.usedMemory());
    }

    @Test
    void aSyncConnectorIsConnectedWhenItsStartCompletes() {
        TcpAcceptor server = net.start(net.tcpAcceptor(EventCallback.NONE, b -> b));
        TcpConnector client = net.start(net.tcpSyncConnector(server.port(), EventCallback.NONE, b -> b));
        assertTrue(client.isReady());
        assertEquals("tcp.SyncConnector", client.typeName());
    }

    @Test
    void webSocketPeersEchoOnTheWsPath() {
        TcpAcceptor server = net.start(net.wsAcceptor(echo(new RecordingEventCallback()), WsOptions.DEFAULT, b -> b));
        assertEquals("ws://127.0.0.1:" + server.port() + "/ws", CellnetPeersExtension.wsUrl(server));
        RecordingEventCallback events = new RecordingEventCallback();
        TcpConnector client = net.start(net.wsConnector(CellnetPeersExtension.wsUrl(server), events, WsOptions.DEFAULT,
                b -> b));
        roundTrip(client, events);
        assertEquals(2, net.channels().size());
    }

    @Test
    void udpPeersEcho() {
        UdpAcceptor server = net.start(net.udpAcceptor(echo(new RecordingEventCallback()), b -> b));
        RecordingEventCallback events = new RecordingEventCallback();
        UdpConnector client = net.start(net.udpConnector(server.port(), events, b -> b));
        events.expect(SessionConnected.class);
        client.session().send(new Ping("datagram", 2));
        assertEquals(new Ping("datagram", 2), events.expect(Ping.class));
    }

    @Test
    void localPeersEchoInMemoryUnderAFreshAddressEach() {
        TcpAcceptor server = net.start(net.localAcceptor(echo(new RecordingEventCallback()), b -> b));
        TcpAcceptor other = net.localAcceptor(EventCallback.NONE, b -> b);
        assertFalse(server.address().equals(other.address()), server.address());
        RecordingEventCallback events = new RecordingEventCallback();
        roundTrip(net.start(net.localConnector(server.address(), events, b -> b)), events);
    }

    @Test
    void theTestsSettingsComeLastAndPeersBuiltElsewhereAreStoppedToo() {
        TcpAcceptor server = net.tcpAcceptor(EventCallback.NONE, b -> b.name("gate"));
        assertEquals("gate", server.name());
        assertEquals(PeerState.STOPPED, server.state(), "built, not started");
        TcpAcceptor byHand = net.track(io.cellnet.netty.TcpPeers.acceptor().address("127.0.0.1:0").build());
        net.start(byHand);
        net.close();
        assertEquals(PeerState.STOPPED, byHand.state());
    }

    @Test
    void queuesAndResourcesCloseAfterThePeersTheNewestFirstEvenWhenOneFails() {
        EventQueue queue = net.queue("q");
        assertTrue(queue.post(() -> { }), "a started queue");
        List<String> closed = new ArrayList<>();
        net.closeAfterTest(() -> closed.add("first"));
        net.closeAfterTest(() -> {
            closed.add("failing");
            throw new IllegalStateException("cannot close");
        });
        net.closeAfterTest(() -> closed.add("last"));
        IllegalStateException e = assertThrows(IllegalStateException.class, net::close);
        assertEquals("cannot close", e.getMessage());
        assertEquals(List.of("last", "failing", "first"), closed);
        assertFalse(queue.post(() -> { }), "a closed queue refuses");
        net.close();
        assertEquals(3, closed.size(), "each resource is closed once");
    }

    @Test
    void aBufferNotReleasedFailsTheCleanupUntilItIsReleased() {
        ByteBuf leaked = net.allocator().buffer(16).writeLong(1);
        assertEquals(16, net.usedMemory());
        AssertionError e = assertThrows(AssertionError.class, net::close);
        assertEquals("16 bytes of buffers not released after the test: a buffer leaked (waited 200 ms)",
                e.getMessage());
        leaked.release();
        net.close();
    }

    @Test
    void aChannelLeftOpenFailsTheCheckNamingIt() {
        ChannelRecorder recorder = new ChannelRecorder();
        EmbeddedChannel open = new EmbeddedChannel();
        recorder.configure(open);
        AssertionError e = assertThrows(AssertionError.class, () -> recorder.awaitAllClosed(Duration.ofMillis(20)));
        assertEquals("1 connection channel(s) left open after their peers stopped: [" + open + "] (waited 20 ms)",
                e.getMessage());
        open.close();
        recorder.awaitAllClosed(Duration.ZERO);
        assertSame(open, recorder.recorded().get(0));
        recorder.clear();
        assertTrue(recorder.recorded().isEmpty());
    }
}
