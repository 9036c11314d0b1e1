package io.cellnet.netty.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SessionAccepted;
import io.cellnet.SessionConnected;
import io.cellnet.TcpAcceptor;
import io.cellnet.TcpConnector;
import io.cellnet.netty.LocalPeers;
import io.cellnet.netty.LogCapture;
import io.cellnet.netty.NetFixtures;
import io.cellnet.netty.ProxyProtocol;
import io.cellnet.netty.RawClient;
import io.cellnet.netty.TestEchoAck;
import io.cellnet.netty.ws.WsOptions;
import io.cellnet.testing.CellnetPeersExtension;
import io.cellnet.testing.RecordingEventCallback;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PROXY protocol in front of an acceptor: real v1 and v2 headers (v1 written as HAProxy writes
 * it, v2 by Netty's encoder) set the session's remote address to the client's and never reach the
 * callback, over TCP and WebSocket; a header from an untrusted source, a malformed header, and a
 * missing one when required close the connection with a WARN that says why.
 */
class ProxyProtocolTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("203.0.113.7", 51234);
    private static final String V1_HEADER = "PROXY TCP4 203.0.113.7 127.0.0.1 51234 7000\r\n";

    @RegisterExtension
    final CellnetPeersExtension net = CellnetPeersExtension.create(NetFixtures.registry());

    private final RecordingEventCallback serverEvents = new RecordingEventCallback();
    private final RecordingEventCallback clientEvents = new RecordingEventCallback();

    @Test
    void aV1HeaderFromATrustedProxySetsTheClientsAddressAndIsNotDelivered() {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents,
                b -> b.proxyProtocol(ProxyProtocol.REQUIRED, "127.0.0.0/8")));
        TcpConnector client = net.start(net.tcpConnector(server.port(), clientEvents,
                b -> b.pipeline(writeFirst(ctx -> ctx.writeAndFlush(ascii(V1_HEADER))))));
        assertServedAs(CLIENT, client);
    }

    @Test
    void aV2HeaderFromATrustedProxySetsTheClientsAddressAndIsNotDelivered() {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents,
                b -> b.proxyProtocol(ProxyProtocol.OPTIONAL, "10.0.0.0/8", "127.0.0.1")));
        TcpConnector client = net.start(net.tcpConnector(server.port(), clientEvents,
                b -> b.pipeline(writeFirst(ctx -> writeV2(ctx, new HAProxyMessage(HAProxyProtocolVersion.V2,
                        HAProxyCommand.PROXY, HAProxyProxiedProtocol.TCP4, CLIENT.getHostString(), "127.0.0.1",
                        CLIENT.getPort(), 7000))))));
        assertServedAs(CLIENT, client);
    }

    @Test
    void aV2HeaderOverIpv6IsReadToo() {
        InetSocketAddress v6 = new InetSocketAddress("2001:db8::42", 40000);
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents,
                b -> b.proxyProtocol(ProxyProtocol.REQUIRED, "127.0.0.1")));
        TcpConnector client = net.start(net.tcpConnector(server.port(), clientEvents,
                b -> b.pipeline(writeFirst(ctx -> writeV2(ctx, new HAProxyMessage(HAProxyProtocolVersion.V2,
                        HAProxyCommand.PROXY, HAProxyProxiedProtocol.TCP6, "2001:db8::42", "::1", 40000, 7000))))));
        assertServedAs(v6, client);
    }

    @Test
    void aWebSocketAcceptorReadsTheHeaderBeforeTheUpgrade() {
        TcpAcceptor server = net.start(net.wsAcceptor(serverEvents, WsOptions.DEFAULT,
                b -> b.proxyProtocol(ProxyProtocol.REQUIRED, "127.0.0.1")));
        TcpConnector client = net.start(net.wsConnector(CellnetPeersExtension.wsUrl(server), clientEvents,
                WsOptions.DEFAULT, b -> b.pipeline(writeFirst(ctx -> ctx.writeAndFlush(ascii(V1_HEADER))))));
        assertServedAs(CLIENT, client);
    }

    @Test
    void withOptionalAConnectionWithoutAHeaderIsServedWithTheSocketsAddress() {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents,
                b -> b.proxyProtocol(ProxyProtocol.OPTIONAL, "127.0.0.1")));
        TcpConnector client = net.start(net.tcpConnector(server.port(), clientEvents, b -> b));
        clientEvents.expect(SessionConnected.class);
        // the acceptor tells a header from none by the first bytes: the session starts with them
        serverEvents.assertNoMoreEvents();
        client.session().send(new TestEchoAck("plain", 1));
        RecvMsgEvent accepted = serverEvents.expectEvent(SessionAccepted.class);
        InetSocketAddress socket = (InetSocketAddress) accepted.session().remoteAddress();
        assertEquals("127.0.0.1", socket.getAddress().getHostAddress());
        assertEquals(new TestEchoAck("plain", 1), serverEvents.expect(TestEchoAck.class));
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedSourceClosesTheConnection() throws Exception {
        assertRefused(ProxyProtocol.OPTIONAL, "10.0.0.0/8", hex(V1_HEADER), port -> "a PROXY protocol header from"
                + " /127.0.0.1:" + port + ", which is not a trusted proxy [10.0.0.0/8] (a spoofed client address?)");
    }

    @Test
    void aMalformedHeaderClosesTheConnection() throws Exception {
        assertRefused(ProxyProtocol.REQUIRED, "127.0.0.1", hex("PROXY TCP4 not-an-address 127.0.0.1 1 2\r\n"),
                port -> "a malformed PROXY protocol header: ");
    }

    @Test
    void aMissingHeaderClosesTheConnectionWhenRequired() throws Exception {
        // an LTV frame, as a client that bypassed the proxy sends
        assertRefused(ProxyProtocol.REQUIRED, "127.0.0.1", "0c00 0000 0000",
                port -> "no PROXY protocol header from /127.0.0.1:" + port + " (the acceptor requires one)");
    }

    /**
     * An acceptor with {@code mode} trusting {@code trusted} closes a connection that sends
     * {@code bytes} (hex) without a session or event, with a WARN holding {@code reason} of the
     * client's port.
     */
    private void assertRefused(ProxyProtocol mode, String trusted, String bytes,
            java.util.function.IntFunction<String> reason) throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents, b -> b.proxyProtocol(mode, trusted)));
        try (LogCapture log = new LogCapture(); RawClient client = new RawClient(server.port())) {
            client.write(bytes);
            assertEquals("", client.readUntilClosed());
            String line = log.awaitLine("WARN", "acceptor 'server' closed a connection from /127.0.0.1:");
            assertTrue(line.contains(reason.apply(client.localPort())), line);
        }
        serverEvents.assertNoMoreEvents();
    }

    @Test
    void stoppingTheAcceptorClosesAConnectionStillAwaitingItsHeader() throws Exception {
        TcpAcceptor server = net.start(net.tcpAcceptor(serverEvents,
                b -> b.proxyProtocol(ProxyProtocol.REQUIRED, "127.0.0.1")));
        try (RawClient silent = new RawClient(server.port())) {
            org.awaitility.Awaitility.await().atMost(NetFixtures.WAIT)
                    .until(() -> ((io.cellnet.netty.internal.stream.NettyTcpAcceptor) server).channelCount() == 1);
            server.stop().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("", silent.readUntilClosed());
        }
        serverEvents.assertNoMoreEvents();
    }

    @Test
    void configurationMistakesFailAtTheBuilder() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> net.tcpAcceptor(serverEvents, b -> b.proxyProtocol(ProxyProtocol.REQUIRED)));
        assertEquals("the PROXY protocol needs the addresses of the trusted proxies, for example"
                + " proxyProtocol(REQUIRED, \"10.0.0.0/8\"); \"0.0.0.0/0\" and \"::/0\" trust every source",
                none.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> net.tcpAcceptor(serverEvents, b -> b.proxyProtocol(ProxyProtocol.OPTIONAL, "lb.internal")));
        assertEquals("not an IP address or block: 'lb.internal' (write an address such as 10.0.0.5 or a block"
                + " such as 10.0.0.0/8)", name.getMessage());
        IllegalStateException local = assertThrows(IllegalStateException.class, () -> LocalPeers.acceptor()
                .address("proxy-test").callback(serverEvents)
                .proxyProtocol(ProxyProtocol.REQUIRED, "127.0.0.1").build());
        assertEquals("proxyProtocol(..) applies to TCP and WebSocket acceptors, not to local.Acceptor"
                + " (in-memory channels have no proxy in front)", local.getMessage());
    }

    /** The server's session reports {@code expected} and gets the client's message, nothing else. */
    private void assertServedAs(InetSocketAddress expected, TcpConnector client) {
        clientEvents.expect(SessionConnected.class);
        RecvMsgEvent accepted = serverEvents.expectEvent(SessionAccepted.class);
        assertEquals(expected, accepted.session().remoteAddress());
        client.session().send(new TestEchoAck("through the proxy", 7));
        assertEquals(new TestEchoAck("through the proxy", 7), serverEvents.expect(TestEchoAck.class));
        serverEvents.assertNoMoreEvents();
    }

    /** Writes {@code header} with Netty's encoder, added for it ahead of {@code ctx}'s handler. */
    private static void writeV2(ChannelHandlerContext ctx, HAProxyMessage header) {
        ctx.pipeline().addFirst(HAProxyMessageEncoder.INSTANCE);
        ctx.writeAndFlush(header).addListener(f -> ctx.channel().pipeline().remove(HAProxyMessageEncoder.INSTANCE));
    }

    /**
     * A pipeline hook that, as a proxy does, writes the header ({@code write}) on the raw socket
     * when the connection opens, before anything else goes out.
     */
    private static io.cellnet.netty.PipelineConfigurer writeFirst(Consumer<ChannelHandlerContext> write) {
        return ch -> ch.pipeline().addFirst(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) throws Exception {
                write.accept(ctx);
                ctx.pipeline().remove(this);
                super.channelActive(ctx);
            }
        });
    }

    private static io.netty.buffer.ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private static String hex(String s) {
        return java.util.HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }
}
