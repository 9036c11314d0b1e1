package io.cellnet.netty.internal.ws;

import io.cellnet.internal.RateLimitedLog;
import io.cellnet.netty.internal.ProxyProtocolHandler;
import io.cellnet.netty.ws.WsOptions;
import io.cellnet.netty.ws.WsOriginCheck;
import io.cellnet.netty.ws.WsRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Checks an acceptor's HTTP request before the WebSocket upgrade: it must arrive within the
 * handshake timeout, be a GET upgrade to the acceptor's path (any path when it is {@code /}, as
 * Go's {@code ServeMux}), and pass the {@link WsOriginCheck}. Otherwise the client gets
 * {@code 400}, {@code 404} or {@code 403} and the connection closes, with no session. An accepted
 * request is recorded on the channel as a {@link WsRequest} and passed on; this handler then leaves
 * the pipeline.
 *
 * <p>Thread safety: one instance per channel, used on its event loop.
 */
final class WsUpgradeGuard extends ChannelInboundHandlerAdapter {
    /** The accepted upgrade request, on its channel. */
    static final AttributeKey<WsRequest> REQUEST = AttributeKey.valueOf("cellnet.ws.request");
    private static final RateLimitedLog REFUSALS = new RateLimitedLog(LoggerFactory.getLogger("io.cellnet.netty.ws"),
            1, TimeUnit.SECONDS);

    private final String path;
    private final WsOptions options;
    private final String peerName;
    private @Nullable ScheduledFuture<?> timeout;

    WsUpgradeGuard(String path, WsOptions options, String peerName) {
        this.path = path;
        this.options = options;
        this.peerName = peerName;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            armTimeout(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        armTimeout(ctx);
        ctx.fireChannelActive();
    }

    private void armTimeout(ChannelHandlerContext ctx) {
        if (timeout == null) {
            timeout = ctx.executor().schedule(() -> {
                REFUSALS.debug("peer '{}': no websocket upgrade from {} within {} ms", peerName,
                        ctx.channel().remoteAddress(), options.handshakeTimeout().toMillis());
                ctx.close();
            }, options.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        HttpResponseStatus refusal = check(ctx, req);
        if (refusal != null) {
            REFUSALS.debug("peer '{}': refused websocket upgrade of {} from {}: {}", peerName, req.uri(),
                    ctx.channel().remoteAddress(), refusal);
            ReferenceCountUtil.release(req);
            refuse(ctx, refusal);
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(req);
    }

    private @Nullable HttpResponseStatus check(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess() || !HttpMethod.GET.equals(req.method())
                || !req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return HttpResponseStatus.BAD_REQUEST;
        }
        String requestPath = new QueryStringDecoder(req.uri()).path();
        if (!path.equals("/") && !path.equals(requestPath)) {
            return HttpResponseStatus.NOT_FOUND;
        }
        WsRequest request = request(ProxyProtocolHandler.remoteAddress(ctx.channel()), req, requestPath);
        boolean allowed;
        try {
            allowed = options.originCheck().allow(request);
        } catch (RuntimeException e) {
            REFUSALS.warn("peer '{}': origin check failed on {}: {}", peerName, request.origin(), e.toString());
            allowed = false;
        }
        if (!allowed) {
            return HttpResponseStatus.FORBIDDEN;
        }
        ctx.channel().attr(REQUEST).set(request);
        return null;
    }

    private WsRequest request(SocketAddress remote, FullHttpRequest req, String requestPath) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        req.headers().forEach(e -> headers.computeIfAbsent(e.getKey(), n -> new ArrayList<>()).add(e.getValue()));
        SocketAddress client = remote;
        if (options.trustForwardedFor()) {
            InetSocketAddress forwarded = ForwardedFor.clientAddress(req.headers().get("X-Forwarded-For"));
            if (forwarded != null) {
                client = forwarded;
            }
        }
        return new WsRequest(req.uri(), requestPath, headers, remote, client);
    }

    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(status.toString() + "\n", StandardCharsets.UTF_8));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
}
