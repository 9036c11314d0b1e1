package io.cellnet.netty.internal.ws;

import io.cellnet.FrameException;
import io.cellnet.MessageRegistry;
import io.cellnet.netty.internal.InputRefusal;
import io.cellnet.netty.internal.LinkState;
import io.cellnet.netty.internal.wire.PacketCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes each whole binary message ({@code [msgid u16 LE][body]}) into a message. A text message
 * (Go passes a nil message to the user), a message shorter than 2 bytes, an unknown or system id or
 * a codec error is reported through {@code exceptionCaught} with its cause, after a close frame
 * saying why (1003 for text, 1007 otherwise); every frame after it is dropped. A frame the WebSocket
 * decoder refuses (1009 over the size limit, 1002 for a protocol error) or a fragmented message the
 * aggregator finds too long (1009) gets its close frame here too on an acceptor (whose WebSocket
 * decoder is told not to send its own), with Netty's reason text, once the upgrade is done. All
 * these close frames go out through the protocol handler, so a connection carries exactly one close
 * frame: the handler sends no {@code 1000 "Bye"} of its own after it.
 *
 * <p>Thread safety: one instance per channel, used on its event loop.
 */
final class WsFrameDecoder extends MessageToMessageDecoder<WebSocketFrame> {
    /** RFC 6455 5.5: a control frame's payload is at most 125 bytes, 2 of them the code. */
    private static final int MAX_REASON_BYTES = 123;
    private final MessageRegistry registry;
    private final boolean closesForTheDecoder;
    private boolean failed;
    private final InputRefusal refusal = new InputRefusal();

    /**
     * @param closesForTheDecoder whether to send the close frame for the WebSocket decoder's and the
     *                            aggregator's refusals (an acceptor's decoder does not send its own)
     */
    WsFrameDecoder(MessageRegistry registry, boolean closesForTheDecoder) {
        super(WebSocketFrame.class);
        this.registry = registry;
        this.closesForTheDecoder = closesForTheDecoder;
    }

    /** Decodes and fires {@code msg}, then the refusal it caused, if any. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        super.channelRead(ctx, msg);
        refusal.report(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (failed) {
            return;
        }
        if (!(frame instanceof BinaryWebSocketFrame)) {
            boolean text = frame instanceof TextWebSocketFrame;
            fail(ctx, text ? WebSocketCloseStatus.INVALID_MESSAGE_TYPE : WebSocketCloseStatus.PROTOCOL_ERROR,
                    new FrameException((text ? "text" : frame.getClass().getSimpleName())
                            + " message refused: ws.ltv carries binary messages only"));
            return;
        }
        ByteBuf payload = frame.content();
        int length = payload.readableBytes();
        if (length < 2) {
            fail(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA,
                    new FrameException("short msgid: message of " + length + " bytes"));
            return;
        }
        int start = payload.readerIndex();
        try {
            out.add(PacketCodec.decode(registry, payload.getUnsignedShortLE(start), payload.slice(start + 2, length - 2)));
        } catch (RuntimeException e) {
            fail(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, e);
        }
    }

    /** Says why with a close frame when the cause is a refused frame, then passes the cause on. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        WebSocketCloseStatus status = cause instanceof CorruptedWebSocketFrameException c ? c.closeStatus()
                : cause instanceof TooLongFrameException ? WebSocketCloseStatus.MESSAGE_TOO_BIG : null;
        if (status != null && closesForTheDecoder && !failed
                && ctx.pipeline().get(WebSocketFrameEncoder.class) != null) {   // upgraded: frames can go out
            failed = true;
            ctx.channel().attr(LinkState.REFUSAL_SENT).set(Boolean.TRUE);
            ctx.writeAndFlush(new CloseWebSocketFrame(status, reason(cause.getMessage(), status)));
        }
        ctx.fireExceptionCaught(cause);
    }

    private void fail(ChannelHandlerContext ctx, WebSocketCloseStatus status, RuntimeException cause) {
        failed = true;
        ctx.channel().attr(LinkState.REFUSAL_SENT).set(Boolean.TRUE);
        ctx.writeAndFlush(new CloseWebSocketFrame(status));
        refusal.refuse(cause);
    }

    /** {@code message}, or the status's text, cut to the 123 bytes a close frame's reason may carry. */
    static String reason(String message, WebSocketCloseStatus status) {
        String text = message == null || message.isEmpty() ? status.reasonText() : message;
        while (text.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            text = text.substring(0, text.offsetByCodePoints(text.length(), -1));
        }
        return text;
    }
}
