package io.cellnet.netty.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.TcpSocketOptions;
import io.cellnet.netty.NetFixtures;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Socket options read back from the real channels of both sides: the accepted (child) channel of
 * an acceptor and the connector's channel.
 */
class SocketOptionsTest {
    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    /** Below Linux's default receive buffer (128 KiB on loopback) so that setting it shows. */
    static final int RCVBUF = 6000;
    /** Above Linux's default send buffer (16 KiB), and below its doubled value. */
    static final int SNDBUF = 20_000;

    /** IP_TOS "low delay": 0 by default. */
    static final int LOW_DELAY = 0x10;

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    @Test
    void defaultsAreNoDelayOnKeepAliveOffAndOsBuffers() {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        TcpConnector client = net.start(net.tcpConnector(server.port(), clientEvents, b -> b));
        for (Channel ch : bothEnds(client)) {
            assertEquals(TcpSocketOptions.DEFAULT_NO_DELAY, ch.config().getOption(ChannelOption.TCP_NODELAY), ch.toString());
            assertTrue(ch.config().getOption(ChannelOption.TCP_NODELAY), "TCP_NODELAY on by default (docs/peers.md)");
            assertEquals(false, ch.config().getOption(ChannelOption.SO_KEEPALIVE), ch.toString());
            assertEquals(0, ch.config().getOption(ChannelOption.IP_TOS), ch.toString());
            int rcv = ch.config().getOption(ChannelOption.SO_RCVBUF);
            assertTrue(rcv > 2 * RCVBUF, "OS default receive buffer " + rcv + " differs from the one set below");
        }
    }

    @Test
    void builderSocketOptionsReachBothEnds() {
        TcpAcceptor server = net.tcpAcceptor(serverEvents, b -> b.socketBuffer(RCVBUF, SNDBUF, false).keepAlive(true));
        server.start().join();
        TcpConnector client = net.tcpConnector(server.port(), clientEvents,
                b -> b.socketBuffer(RCVBUF, SNDBUF, true).noDelay(false).keepAlive(true));
        client.start().join();
        for (Channel ch : bothEnds(client)) {
            assertEquals(false, ch.config().getOption(ChannelOption.TCP_NODELAY), ch.toString());
            assertEquals(true, ch.config().getOption(ChannelOption.SO_KEEPALIVE), ch.toString());
            // Linux doubles a requested buffer size (for its bookkeeping) and reports the doubled size
            assertBetween(RCVBUF, 2 * RCVBUF, ch.config().getOption(ChannelOption.SO_RCVBUF), "SO_RCVBUF of " + ch);
            assertBetween(SNDBUF, 2 * SNDBUF, ch.config().getOption(ChannelOption.SO_SNDBUF), "SO_SNDBUF of " + ch);
        }
    }

    @Test
    void anyChannelOptionPassesThroughAfterCellnetsOwn() {
        // the outbound limit sets the write buffer watermarks; the user's option comes after it and wins
        WriteBufferWaterMark mark = new WriteBufferWaterMark(3 << 20, 6 << 20);
        TcpAcceptor server = net.tcpAcceptor(serverEvents,
                b -> b.childOption(ChannelOption.IP_TOS, LOW_DELAY).childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, mark));
        server.start().join();
        TcpConnector client = net.tcpConnector(server.port(), clientEvents,
                b -> b.option(ChannelOption.IP_TOS, LOW_DELAY).option(ChannelOption.WRITE_BUFFER_WATER_MARK, mark));
        client.start().join();
        for (Channel ch : bothEnds(client)) {
            assertEquals(LOW_DELAY, ch.config().getOption(ChannelOption.IP_TOS), ch.toString());
            WriteBufferWaterMark got = ch.config().getOption(ChannelOption.WRITE_BUFFER_WATER_MARK);
            assertEquals(List.of(mark.low(), mark.high()), List.of(got.low(), got.high()), ch.toString());
        }
    }

    @Test
    void connectorPortIsTheLocalPortOfTheCurrentConnectionAndZeroWithoutOne() {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b));
        TcpConnector client = net.tcpConnector(server.port(), clientEvents, b -> b);
        assertEquals(0, client.port(), "not started");
        client.start().join();
        clientEvents.expect(SessionConnected.class);
        Channel accepted = serverEvents.expectEvent(SessionAccepted.class).session().as(Channel.class);
        int remotePort = ((InetSocketAddress) accepted.remoteAddress()).getPort();
        assertEquals(remotePort, client.port());
        assertTrue(client.port() != server.port());
        NetFixtures.stop(client);
        assertEquals(0, client.port(), "stopped");
    }

    /** The connector's channel and the acceptor's channel of the same connection. */
    private List<Channel> bothEnds(TcpConnector client) {
        clientEvents.expect(SessionConnected.class);
        Channel accepted = serverEvents.expectEvent(SessionAccepted.class).session().as(Channel.class);
        return List.of(client.session().as(Channel.class), accepted);
    }

    private static void assertBetween(int min, int max, int actual, String what) {
        assertTrue(actual >= min && actual <= max, what + ": " + actual + " not within " + min + ".." + max);
    }
}
