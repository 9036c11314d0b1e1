/**
 * cellnet on Netty: TCP, UDP, WebSocket, HTTP and in-process peers, the {@code tcp.ltv},
 * {@code udp.ltv}, {@code ws.ltv} and {@code http} processors, the json, httpjson, httpform, binary
 * and protoplus codecs, RPC, relay, the message log and the heartbeat hooker. Start from
 * {@link io.cellnet.netty.TcpPeers} (or {@code UdpPeers}, {@code WsPeers}, {@code LocalPeers},
 * {@code HttpPeers}), or by name through {@code io.cellnet.Peers}.
 *
 * <p>The codecs read and write the fields of your message classes by reflection: open the package
 * of your messages to this module ({@code opens com.example.msg to io.cellnet.netty;}), and also to
 * {@code com.fasterxml.jackson.databind} for the json codec.
 *
 * <p>Optional modules, used when present: {@code io.netty.transport.classes.epoll} (the native
 * epoll transport, with the native library of the platform; NIO otherwise) and
 * {@code com.fasterxml.jackson.databind} (the json codec; a modular application that uses it
 * {@code requires} it, or runs with {@code --add-modules com.fasterxml.jackson.databind}).
 */
// "module": the friend named in the qualified exports is compiled after this module.
@SuppressWarnings("module")
module io.cellnet.netty {
    requires transitive io.cellnet;
    requires io.netty.common;
    requires transitive io.netty.buffer;
    requires transitive io.netty.transport;
    requires transitive io.netty.handler;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.codec.haproxy;
    requires transitive org.slf4j;
    requires static transitive org.jspecify;
    requires static io.netty.transport.classes.epoll;
    requires static com.fasterxml.jackson.databind;

    exports io.cellnet.netty;
    exports io.cellnet.netty.ws;
    exports io.cellnet.netty.codec;
    exports io.cellnet.netty.codec.json;
    exports io.cellnet.netty.codec.binary;
    exports io.cellnet.netty.codec.protoplus;
    exports io.cellnet.netty.codec.http;
    exports io.cellnet.netty.http;
    exports io.cellnet.netty.rpc;
    exports io.cellnet.netty.relay;
    exports io.cellnet.netty.msglog;
    exports io.cellnet.netty.heartbeat;
    exports io.cellnet.netty.internal to io.cellnet.testing;
    exports io.cellnet.netty.internal.stream to io.cellnet.testing;
    exports io.cellnet.netty.internal.wire to io.cellnet.testing;

    provides io.cellnet.PeerProvider with io.cellnet.netty.internal.proc.NettyPeerProvider;
    provides io.cellnet.proc.ProcessorProvider with io.cellnet.netty.internal.proc.NettyProcessors;
    provides io.cellnet.codec.CodecProvider with io.cellnet.netty.internal.proc.NettyCodecs;
    provides io.cellnet.rpc.RpcProvider with io.cellnet.netty.rpc.NettyRpcProvider;
    provides io.cellnet.relay.RelayProvider with io.cellnet.netty.relay.NettyRelayProvider;
}
