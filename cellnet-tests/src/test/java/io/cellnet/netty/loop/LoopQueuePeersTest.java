package io.cellnet.netty.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cellnet.EventCallback;
import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionClosed;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.UdpAcceptor;
import io.cellnet.UdpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.LoopEventQueue;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.NettyQueues;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.internal.stream.SocketKind;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Peers built with a loop queue: their channels are registered on the queue's event loop (the
 * acceptor's, its accepted connections', the connectors', UDP's), every callback of every session
 * runs on that one thread in order, and no shared I/O group is started. Peers that cannot run there
 * (in memory, or given their own group) still deliver on the loop's thread.
 */
class LoopQueuePeersTest {
    private static final int MESSAGES = 500;

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final LoopEventQueue loop = net.closeAfterTest(NettyQueues.loop("game-loop"));
    /** Where each callback ran: "peer thread". */
    private final List<String> offLoop = Collections.synchronizedList(new ArrayList<>());

    /** Records {@code events} and remembers any callback not on the loop. */
    private EventCallback onLoopOnly(EventCallback next) {
        return ev -> {
            if (!loop.inLoop()) {
                offLoop.add(ev.message().getClass().getSimpleName() + " on " + Thread.currentThread().getName());
            }
            next.onEvent(ev);
        };
    }

    private static Channel channel(RecvMsgEvent ev) {
        return java.util.Objects.requireNonNull(ev.session().as(Channel.class));
    }

    @Test
    void anAcceptorAndTwoConnectorsShareTheLoopForIoAndCallbacksInOrder() {
        int workersBefore = SocketKind.INSTANCE.groups().workers().users();
        int clientsBefore = SocketKind.INSTANCE.groups().clients().users();
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.tcpAcceptor(onLoopOnly(Echo.after(serverEvents)), b -> b.queue(loop)));
        List<RecordingEventCallback> clientEvents = List.of(new RecordingEventCallback(), new RecordingEventCallback());
        List<TcpConnector> clients = new ArrayList<>();
        for (RecordingEventCallback events : clientEvents) {
            clients.add(net.start(net.tcpConnector(server.port(), onLoopOnly(events), b -> b.queue(loop))));
        }
        assertEquals(workersBefore, SocketKind.INSTANCE.groups().workers().users(), "no shared acceptor group");
        assertEquals(clientsBefore, SocketKind.INSTANCE.groups().clients().users(), "no shared connector group");

        for (RecordingEventCallback events : clientEvents) {
            assertSame(loop.eventLoop(), channel(events.expectEvent(SessionConnected.class)).eventLoop());
        }
        for (int i = 0; i < MESSAGES; i++) {
            for (TcpConnector c : clients) {
                c.session().send(new TestEchoAck("m", i));
            }
        }
        for (RecordingEventCallback events : clientEvents) {
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(i, events.expect(TestEchoAck.class).Value(), "echoes in order");
            }
        }
        for (int s = 0; s < 2; s++) {
            assertSame(loop.eventLoop(), channel(serverEvents.expectEvent(SessionAccepted.class)).eventLoop());
        }
        int[] next = new int[2];
        long first = -1;
        for (int i = 0; i < 2 * MESSAGES; i++) {
            RecvMsgEvent ev = serverEvents.expectEvent(TestEchoAck.class);
            if (first < 0) {
                first = ev.session().id();
            }
            int k = ev.session().id() == first ? 0 : 1;
            assertEquals(next[k]++, ((TestEchoAck) ev.message()).Value(), "each session's messages in order");
        }
        clients.forEach(NetFixtures::stop);
        serverEvents.expect(SessionClosed.class);
        serverEvents.expect(SessionClosed.class);
        assertEquals(List.of(), offLoop);
    }

    @Test
    void udpPeersRunOnTheLoopToo() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        UdpAcceptor server = net.start(net.udpAcceptor(onLoopOnly(Echo.after(serverEvents)), b -> b.queue(loop)));
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        UdpConnector client = net.start(net.udpConnector(server.port(), onLoopOnly(clientEvents), b -> b.queue(loop)));
        clientEvents.expect(SessionConnected.class);
        client.session().send(new TestEchoAck("udp", 7));
        assertEquals(new TestEchoAck("udp", 7), clientEvents.expect(TestEchoAck.class));
        serverEvents.expect(SessionAccepted.class);
        assertSame(loop.eventLoop(), channel(serverEvents.expectEvent(TestEchoAck.class)).eventLoop());
        assertEquals(List.of(), offLoop);
    }

    @Test
    void inMemoryPeersKeepTheirOwnLoopsAndStillDeliverOnTheQueue() {
        RecordingEventCallback serverEvents = new RecordingEventCallback();
        TcpAcceptor server = net.start(net.localAcceptor(onLoopOnly(Echo.after(serverEvents)), b -> b.queue(loop)));
        RecordingEventCallback clientEvents = new RecordingEventCallback();
        TcpConnector client = net.start(net.localConnector(server.address(), onLoopOnly(clientEvents),
                b -> b.queue(loop)));
        assertNotSame(loop.eventLoop(), channel(clientEvents.expectEvent(SessionConnected.class)).eventLoop());
        client.session().send(new TestEchoAck("local", 1));
        assertEquals(new TestEchoAck("local", 1), clientEvents.expect(TestEchoAck.class));
        serverEvents.expect(SessionAccepted.class);
        assertEquals(new TestEchoAck("local", 1), serverEvents.expect(TestEchoAck.class));
        assertEquals(List.of(), offLoop);
    }

    @Test
    void anExplicitGroupWinsAndTheLoopStillRunsTheCallbacks() throws InterruptedException {
        EventLoopGroup own = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            RecordingEventCallback serverEvents = new RecordingEventCallback();
            TcpAcceptor server = net.start(net.tcpAcceptor(onLoopOnly(serverEvents),
                    b -> b.queue(loop).eventLoopGroup(own)));
            RecordingEventCallback clientEvents = new RecordingEventCallback();
            net.start(net.tcpConnector(server.port(), onLoopOnly(clientEvents), b -> b.queue(loop)));
            clientEvents.expect(SessionConnected.class);
            assertSame(own.next(), channel(serverEvents.expectEvent(SessionAccepted.class)).eventLoop());
            assertEquals(List.of(), offLoop);
        } finally {
            net.close();
            own.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
