package io.cellnet.netty.internal.ws;

import io.cellnet.Address;
import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.netty.internal.ChannelTransmitter;
import io.cellnet.netty.internal.TransmitterSettings;
import io.cellnet.netty.internal.wire.PacketCodec;
import io.cellnet.netty.ws.WsOptions;
import io.cellnet.netty.ws.WsRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.URI;

/**
 * The {@code ws.ltv} transmitter, byte for byte Go's {@code gorillaws.ltv}: each message is one
 * WebSocket binary message {@code [msgid u16 LE][body]}, with no size field. It installs Netty's
 * HTTP codec and WebSocket handlers: on an acceptor a {@link WsUpgradeGuard} (path, origin check,
 * request capture) before {@link WebSocketServerProtocolHandler}; on a connector
 * {@link WebSocketClientProtocolHandler} for {@code ws://host:port/path} ({@code wss://} with TLS).
 * Fragmented messages are reassembled. The session starts when the upgrade completes; on an
 * acceptor, its upgrade request is then in the session's context under {@link WsRequest#CONTEXT_KEY} and
 * Go's key {@code "request"}.
 *
 * <p>Thread safety: stateless; {@link #encode} may be called from any thread.
 */
public final class WsTransmitter implements ChannelTransmitter {
    /** The shared instance. */
    public static final WsTransmitter INSTANCE = new WsTransmitter();

    private static final int MAX_UPGRADE_REQUEST = 65536;

    private WsTransmitter() {
    }

    @Override
    public String name() {
        return "ws.ltv";
    }

    @Override
    public boolean startsOnConnect() {
        return false;
    }

    @Override
    public boolean isSessionStart(Object userEvent) {
        return userEvent instanceof WebSocketServerProtocolHandler.HandshakeComplete
                || userEvent == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE;
    }

    @Override
    public void initChannel(ChannelPipeline pipeline, TransmitterSettings settings) {
        WsOptions options = pipeline.channel().attr(WsKind.OPTIONS).get();
        if (options == null) {
            options = WsOptions.DEFAULT;
        }
        int max = settings.maxPacketSize() > 0 ? Math.max(2, settings.maxPacketSize() - 1) : options.maxMessageSize();
        if (settings.client()) {
            initClient(pipeline, settings.address(), options, max);
        } else {
            initServer(pipeline, settings, options, max);
        }
        pipeline.addLast("cellnet-ws-aggregator", new WebSocketFrameAggregator(max));
        pipeline.addLast("cellnet-ws-decoder", new WsFrameDecoder(settings.registry(), !settings.client()));
    }

    private static void initServer(ChannelPipeline p, TransmitterSettings settings, WsOptions options, int max) {
        String path = path(settings.address());
        p.addLast("cellnet-http", new HttpServerCodec());
        p.addLast("cellnet-http-aggregator", new HttpObjectAggregator(MAX_UPGRADE_REQUEST));
        p.addLast("cellnet-ws-guard", new WsUpgradeGuard(path, options, settings.peerName()));
        p.addLast("cellnet-ws-linger", LingerCloseGuard.INSTANCE);   // holds the protocol handler's close
        p.addLast("cellnet-ws", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .checkStartsWith(true)
                .handshakeTimeoutMillis(options.handshakeTimeout().toMillis())
                .maxFramePayloadLength(max)
                // WsFrameDecoder sends the one close frame (1009 and Netty's reason included) through
                // the protocol handler, which then sends no "1000 Bye" of its own when the session closes.
                .closeOnProtocolViolation(false)
                .build()));
    }

    private static void initClient(ChannelPipeline p, Address address, WsOptions options, int max) {
        HttpHeaders headers = new DefaultHttpHeaders();
        options.headers().forEach(headers::add);
        p.addLast("cellnet-http", new HttpClientCodec());
        p.addLast("cellnet-http-aggregator", new HttpObjectAggregator(MAX_UPGRADE_REQUEST));
        p.addLast("cellnet-ws", new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri(address, p.get(SslHandler.class) != null))
                .customHeaders(headers)
                .generateOriginHeader(false)
                .handshakeTimeoutMillis(options.handshakeTimeout().toMillis())
                .maxFramePayloadLength(max)
                .build()));
    }

    /** The acceptor's WebSocket path: the address's path without a query, {@code /} by default. */
    static String path(Address address) {
        String p = address.path().isEmpty() ? "/" : new QueryStringDecoder(address.path()).path();
        return p.isEmpty() ? "/" : p;
    }

    /** The connector's URI: {@code ws://} or {@code wss://}, host, port, path (query included). */
    static URI uri(Address address, boolean tls) {
        String path = address.path().isEmpty() ? "/" : address.path();
        return URI.create((tls ? "wss" : "ws") + "://" + address.hostPort(address.minPort()) + path);
    }

    @Override
    public void onSessionStart(Session session, Channel channel) {
        WsRequest request = channel.attr(WsUpgradeGuard.REQUEST).get();
        if (request != null) {
            session.setContext(WsRequest.CONTEXT_KEY, request);
            session.setContext(WsRequest.GO_CONTEXT_KEY, request);
        }
    }

    @Override
    public SendResult encode(Object message, MessageRegistry registry, ByteBuf out) {
        PacketCodec.writeIdAndBody(message, registry, out);
        return SendResult.QUEUED;
    }

    @Override
    public boolean isStream() {
        return false;
    }

    @Override
    public Object wrapFrame(ByteBuf frame) {
        return new BinaryWebSocketFrame(frame);
    }

    @Override
    public String toString() {
        return "WsTransmitter(ws.ltv)";
    }
}
