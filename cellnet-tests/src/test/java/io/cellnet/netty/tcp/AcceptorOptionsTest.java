package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptor's options as in Netty's {@code ServerBootstrap}: {@code option(..)} reaches the
 * listening channel, {@code childOption(..)} the accepted ones, and
 * {@code eventLoopGroup(boss, worker)} runs each on its own group.
 */
class AcceptorOptionsTest {
    /** The last listening channel made: Netty makes channels reflectively, so the test keeps it here. */
    static final AtomicReference<Channel> LISTENER = new AtomicReference<>();

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup worker = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    /** A NIO listening channel that records itself. */
    public static final class RecordedServerChannel extends NioServerSocketChannel {
        /** Made by Netty. */
        public RecordedServerChannel() {
            LISTENER.set(this);
        }
    }

    @Test
    void optionReachesTheListeningChannelChildOptionTheAcceptedOnesEachOnItsGroup() {
        // the groups are the user's: shut down after the peers stopped
        net.closeAfterTest(() -> boss.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS));
        net.closeAfterTest(() -> worker.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS));
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b.eventLoopGroup(boss, worker)
                .channelType(RecordedServerChannel.class)
                .option(ChannelOption.SO_BACKLOG, 77)
                .childOption(ChannelOption.SO_KEEPALIVE, true)));
        Channel listener = LISTENER.get();
        assertEquals(77, listener.config().getOption(ChannelOption.SO_BACKLOG));
        assertSame(boss, listener.eventLoop().parent());
        net.start(net.tcpConnector(server.port(), clientEvents, b -> b));
        clientEvents.expect(SessionConnected.class);
        Channel accepted = serverEvents.expectEvent(SessionAccepted.class).session().as(Channel.class);
        assertEquals(true, accepted.config().getOption(ChannelOption.SO_KEEPALIVE));
        assertSame(worker, accepted.eventLoop().parent());
        // the server option stays on the listener: an accepted channel has no backlog
        assertEquals(null, accepted.config().getOption(ChannelOption.SO_BACKLOG));
    }
}
