package io.cellnet.netty.internal;

import io.cellnet.internal.RateLimitedLog;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.AttributeKey;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The first handler of an accepted connection when the acceptor reads the PROXY protocol: it looks
 * at the first bytes, and
 * <ul>
 *   <li>for a header (v1 {@code "PROXY "} or the v2 signature) from a trusted proxy, hands them to
 *       Netty's {@link HAProxyMessageDecoder}; the decoded client address becomes the channel's
 *       {@link #CLIENT_ADDRESS} (what the session reports as its remote address), and the header
 *       never reaches the application;</li>
 *   <li>for a header from an untrusted address (a spoofed one), or a malformed header, or no header
 *       when one is required, closes the connection with a WARN line saying why;</li>
 *   <li>without a header when it is optional, lets the bytes through.</li>
 * </ul>
 * A connection that has not sent a whole header (or, when optional, any byte) within
 * {@link #HEADER_TIMEOUT} is closed the same way. Then it fires {@link Done#INSTANCE}: the session starts on that event (before it, the client's
 * address is not known), and removes itself.
 *
 * <p>Thread safety: one instance per channel, used on its event loop.
 */
public final class ProxyProtocolHandler extends ByteToMessageDecoder {
    /** The client's address read from the PROXY header, when there was one. */
    public static final AttributeKey<InetSocketAddress> CLIENT_ADDRESS = AttributeKey.valueOf("cellnet.proxy.client");

    private static final RateLimitedLog REFUSALS = new RateLimitedLog(PeerShell.log, 1, TimeUnit.SECONDS);
    private static final byte[] V1 = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V2 = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    /** How long a connection has to send its header (or, when optional, its first bytes). */
    public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

    private final ProxyProtocolSettings settings;
    private final String peerName;
    private @Nullable ScheduledFuture<?> timeout;

    /**
     * The user event fired once the header was read (or found absent, when optional): the session
     * may start.
     *
     * <p>Thread safety: an immutable enum.
     */
    public enum Done {
        /** The only instance. */
        INSTANCE
    }

    /** A handler for a connection of acceptor {@code peerName} with {@code settings}. */
    public ProxyProtocolHandler(ProxyProtocolSettings settings, String peerName) {
        this.settings = settings;
        this.peerName = peerName;
    }

    /** The address a session on {@code channel} reports: the PROXY header's client, else the socket's. */
    public static @Nullable SocketAddress remoteAddress(Channel channel) {
        InetSocketAddress client = channel.attr(CLIENT_ADDRESS).get();
        return client != null ? client : channel.remoteAddress();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timeout = ctx.executor().schedule(() -> refuse(ctx, "no complete PROXY protocol header from "
                + ctx.channel().remoteAddress() + " within " + HEADER_TIMEOUT.toSeconds() + " s"),
                HEADER_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean v1 = startsWith(in, V1);
        boolean v2 = startsWith(in, V2);
        if ((v1 && in.readableBytes() < V1.length) || (v2 && in.readableBytes() < V2.length)) {
            return;   // a prefix of a signature so far: wait for more
        }
        SocketAddress source = ctx.channel().remoteAddress();
        if (v1 || v2) {
            if (!settings.trusts(source)) {
                refuse(ctx, in, "a PROXY protocol header from " + source + ", which is not a trusted proxy "
                        + settings.trusted() + " (a spoofed client address?)");
                return;
            }
            String decoder = ctx.name() + "-decoder";
            ctx.pipeline().addAfter(ctx.name(), decoder, new HAProxyMessageDecoder());
            ctx.pipeline().addAfter(decoder, ctx.name() + "-reader", new Reader());
        } else if (settings.required()) {
            refuse(ctx, in, "no PROXY protocol header from " + source + " (the acceptor requires one)");
            return;
        } else {
            done(ctx);
        }
        ctx.pipeline().remove(this);   // what was read so far goes on to the next handler
    }

    /** Whether the readable bytes of {@code in}, as far as they go, match {@code signature}. */
    private static boolean startsWith(ByteBuf in, byte[] signature) {
        int n = Math.min(in.readableBytes(), signature.length);
        for (int i = 0; i < n; i++) {
            if (in.getByte(in.readerIndex() + i) != signature[i]) {
                return false;
            }
        }
        return n > 0;
    }

    private void refuse(ChannelHandlerContext ctx, ByteBuf in, String why) {
        in.skipBytes(in.readableBytes());
        refuse(ctx, why);
    }

    /** The header was read, or found absent: the session may start. */
    private void done(ChannelHandlerContext ctx) {
        cancelTimeout();
        ctx.fireUserEventTriggered(Done.INSTANCE);
    }

    private void cancelTimeout() {
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
            timeout = null;
        }
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        cancelTimeout();
        REFUSALS.warn("acceptor '{}' closed a connection from {}: {}", peerName, ctx.channel().remoteAddress(), why);
        ctx.close();
    }

    /** Takes the decoded header, records the client's address, and gets out of the way. */
    private final class Reader extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof HAProxyMessage header)) {
                ctx.fireChannelRead(msg);
                return;
            }
            try {
                InetSocketAddress client = clientOf(header);
                if (client != null) {
                    ctx.channel().attr(CLIENT_ADDRESS).set(client);
                }
            } finally {
                header.release();
            }
            done(ctx);
            ctx.pipeline().remove(this);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof HAProxyProtocolException) {
                refuse(ctx, "a malformed PROXY protocol header: " + innermost(cause).getMessage());
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }

        private static Throwable innermost(Throwable t) {
            Throwable c = t;
            while (c.getCause() != null && c.getCause().getMessage() != null) {
                c = c.getCause();
            }
            return c;
        }

        /** The client of a PROXY command over TCP/UDP on IPv4 or IPv6; null for LOCAL (a health check) and the rest. */
        private @Nullable InetSocketAddress clientOf(HAProxyMessage header) {
            HAProxyProxiedProtocol.AddressFamily family = header.proxiedProtocol().addressFamily();
            if (header.command() != HAProxyCommand.PROXY || (family != HAProxyProxiedProtocol.AddressFamily.AF_IPv4
                    && family != HAProxyProxiedProtocol.AddressFamily.AF_IPv6)) {
                return null;
            }
            return new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(header.sourceAddress()),
                    header.sourcePort());
        }
    }
}
