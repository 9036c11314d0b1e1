package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.Echo;
import io.cellnet.netty.LocalPeers;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.TcpPeers;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Netty users' own event loop groups and channel classes: peers run on them, and stopping a peer
 * leaves the user's group running. The groups live for the class and are shut down after every
 * peer has been stopped (by the peers extension after each test).
 */
class UserGroupChannelTypeTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private static final EventLoopGroup NIO = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("user-nio"),
            NioIoHandler.newFactory());
    private static final EventLoopGroup LOCAL = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("user-local"), LocalIoHandler.newFactory());

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    @AfterAll
    static void shutDownTheUsersGroups() {
        for (EventLoopGroup g : new EventLoopGroup[] {NIO, LOCAL}) {
            assertTrue(g.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void acceptorAndConnectorRunOnTheUsersGroupWithTheGivenChannelClassesAndLeaveTheGroupRunning() throws Exception {
        TcpAcceptor server = net.tcpAcceptor(Echo.after(serverEvents),
                b -> b.eventLoopGroup(NIO).channelType(NioServerSocketChannel.class));
        server.start().join();
        TcpConnector client = net.tcpConnector(server.port(), clientEvents,
                b -> b.eventLoopGroup(NIO).channelType(NioSocketChannel.class));
        client.start().join();
        clientEvents.expect(SessionConnected.class);
        Session accepted = serverEvents.expectEvent(SessionAccepted.class).session();
        Leaks.assertGroupUsers(0, 0);

        assertEquals(SendResult.QUEUED, client.session().send(new TestEchoAck("mine", 7)));
        assertEquals(new TestEchoAck("mine", 7), clientEvents.expect(TestEchoAck.class));

        for (Channel ch : new Channel[] {client.session().as(Channel.class), accepted.as(Channel.class)}) {
            assertInstanceOf(NioSocketChannel.class, ch);
            assertSame(NIO, ch.eventLoop().parent(), ch + " runs on the user's group");
        }
        NetFixtures.stop(client);
        NetFixtures.stop(server);
        assertFalse(NIO.isShuttingDown(), "stop() must not shut down the user's group");
        assertEquals("still running", NIO.submit(() -> "still running").get(5, TimeUnit.SECONDS));
    }

    @Test
    void inMemoryPeersTakeLocalChannelClassesOnTheUsersLocalGroup() {
        TcpAcceptor server = LocalPeers.acceptor().address("user-group-local").registry(net.registry())
                .eventLoopGroup(LOCAL).channelType(LocalServerChannel.class).callback(Echo.after(serverEvents)).build();
        TcpConnector client = LocalPeers.connector().address("user-group-local").registry(net.registry())
                .eventLoopGroup(LOCAL).channelType(LocalChannel.class).callback(clientEvents).build();
        try {
            server.start().join();
            client.start().join();
            clientEvents.expect(SessionConnected.class);
            client.session().send(new TestEchoAck("local", 1));
            assertEquals(new TestEchoAck("local", 1), clientEvents.expect(TestEchoAck.class));
            assertSame(LOCAL, client.session().as(Channel.class).eventLoop().parent());
        } finally {
            NetFixtures.stop(client);
            NetFixtures.stop(server);
        }
        assertFalse(LOCAL.isShuttingDown());
    }

    @Test
    void aChannelTypeWithoutAGroupIsRefusedAtBuild() {
        IllegalStateException a = assertThrows(IllegalStateException.class, () -> TcpPeers.acceptor()
                .address("127.0.0.1:0").channelType(NioServerSocketChannel.class).build());
        assertTrue(a.getMessage().contains("needs eventLoopGroup"), a.getMessage());
        IllegalStateException c = assertThrows(IllegalStateException.class, () -> TcpPeers.connector()
                .address("127.0.0.1:1").channelType(NioSocketChannel.class).build());
        assertTrue(c.getMessage().contains("needs eventLoopGroup"), c.getMessage());
    }

    @Test
    void aChannelClassOfAnotherTransportIsRefusedAtOnce() {
        IllegalArgumentException tcp = assertThrows(IllegalArgumentException.class,
                () -> TcpPeers.acceptor().channelType(LocalServerChannel.class));
        assertTrue(tcp.getMessage().contains("is not a io.netty.channel.socket.ServerSocketChannel"), tcp.getMessage());
        IllegalArgumentException server = assertThrows(IllegalArgumentException.class,
                () -> TcpPeers.connector().channelType(NioServerSocketChannel.class));
        assertTrue(server.getMessage().contains("is not a io.netty.channel.socket.SocketChannel"), server.getMessage());
        IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
                () -> LocalPeers.connector().channelType(NioSocketChannel.class));
        assertTrue(local.getMessage().contains("is not a io.netty.channel.local.LocalChannel"), local.getMessage());
    }

    @Test
    void aGroupWhoseChannelClassCannotBeDerivedIsRefusedAtBuildAndNamesChannelType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TcpPeers.connector().address("127.0.0.1:1").eventLoopGroup(LOCAL).build());
        assertTrue(e.getMessage().contains("channelType(..)"), e.getMessage());
    }

    @Test
    void aChannelClassTheGroupCannotRunFailsTheStart() {
        TcpAcceptor server = net.tcpAcceptor(serverEvents,
                b -> b.eventLoopGroup(LOCAL).channelType(NioServerSocketChannel.class));
        CompletionException e = assertThrows(CompletionException.class, () -> server.start().join());
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("incompatible event loop type"),
                String.valueOf(e.getCause()));
        assertFalse(server.isRunning());
    }
}
