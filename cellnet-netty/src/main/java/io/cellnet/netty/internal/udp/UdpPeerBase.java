package io.cellnet.netty.internal.udp;

import io.cellnet.UdpPeer;

import io.cellnet.CloseReason;
import io.cellnet.ProcessorBundle;
import io.cellnet.SendResult;
import io.cellnet.internal.RateLimitedLog;
import io.cellnet.netty.internal.NettyFutures;
import io.cellnet.netty.internal.OutboundLimits;
import io.cellnet.netty.internal.PeerBase;
import io.cellnet.netty.internal.SharedGroup;
import io.cellnet.netty.internal.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the UDP peers share: properties, context, processor binding, lifecycle, the socket and its
 * outbound path, and the handling of refused datagrams. A subclass opens the socket (bind or
 * connect) and owns the sessions.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public abstract class UdpPeerBase extends PeerBase implements UdpPeer {
    static final Logger udpLog = LoggerFactory.getLogger("io.cellnet.netty.udp");
    private static final SharedGroup GROUP = SharedGroup.of("cellnet-udp", Runtime.getRuntime().availableProcessors());

    final UdpPeerConfig config;
    private final AtomicLong dropped = new AtomicLong();
    private final RateLimitedLog dropLog = new RateLimitedLog(udpLog, 1, TimeUnit.SECONDS);
    private final RateLimitedLog ioLog = new RateLimitedLog(udpLog, 1, TimeUnit.SECONDS);

    /** The current run (from start to stop), or {@code null} when the socket is closed. */
    private volatile @Nullable UdpRun run;
    /** Completes when the last run's sessions have all posted {@code SessionClosed}. */
    private volatile CompletableFuture<Void> sessionsClosed = CompletableFuture.completedFuture(null);

    UdpPeerBase(UdpPeerConfig config) {
        super(config.peer(), Duration.ZERO, OutboundLimits.DEFAULT);
        this.config = config;
    }

    /** Fails unless {@code bundle} can drive a UDP peer. */
    public static void checkTransmitter(ProcessorBundle bundle) {
        if (!(bundle.transmitter() instanceof UdpTransmitter)) {
            throw new IllegalArgumentException("a udp peer needs the udp.ltv transmitter, not "
                    + bundle.transmitter().name());
        }
    }

    /** Binds or connects the socket. */
    abstract ChannelFuture open(Bootstrap bootstrap);

    /** The socket is open: post what starts the peer's sessions. Runs on its event loop. */
    abstract void opened(Channel ch);

    /** A valid datagram from {@code sender}. Runs on the socket's event loop. */
    abstract void received(InetSocketAddress sender, Object message);

    /** Closes every session with {@code reason}, posting each one's {@code SessionClosed}. */
    abstract void closeSessions(CloseReason reason);

    /** Closes {@code session} because the user asked to. */
    abstract void closeSession(UdpSession session, CloseReason reason);

    @Override
    protected final CompletableFuture<Void> doStart() {
        EventLoopGroup group = settings.group() != null ? settings.group() : GROUP.acquire();
        activeGroup(group);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        sessionsClosed = closed;
        Bootstrap b = new Bootstrap().group(group).channel(Transports.datagramChannelFor(settings.group()))
                .handler(new UdpInitializer(this));
        settings.applyChannelOptions(b);
        CompletableFuture<Void> started = new CompletableFuture<>();
        ChannelFuture f = open(b);
        f.addListener(done -> {
            if (done.isSuccess()) {
                UdpRun r = new UdpRun(f.channel(), closed);
                run = r;
                r.channel.closeFuture().addListener(x -> channelClosed(r));
                udpLog.info("{} '{}' open on {}", typeName(), name(), r.channel.localAddress());
                opened(r.channel);
                started.complete(null);
            } else {
                udpLog.error("{} '{}' cannot open {}: {}", typeName(), name(), config.address(), done.cause().toString());
                closed.complete(null);
                releaseGroup().whenComplete((v, e) -> started.completeExceptionally(done.cause()));
            }
        });
        return started;
    }

    /** The socket of {@code r} has closed: its sessions close, MANUAL when stopped, IO otherwise. */
    private void channelClosed(UdpRun r) {
        boolean requested = r.stopRequested;
        r.writer.close();
        if (run == r) {
            run = null;
        }
        closeSessions(requested ? CloseReason.MANUAL : CloseReason.IO);
        r.sessionsClosed.complete(null);
        if (!requested) {
            udpLog.warn("{} '{}': socket closed unexpectedly; stopping", typeName(), name());
            stop();
        }
    }

    @Override
    protected final CompletableFuture<Void> doStop() {
        UdpRun r = run;
        if (r != null) {
            r.stopRequested = true;
            // Through the event loop's task queue, behind the flushes of datagrams already sent.
            r.channel.eventLoop().execute(r.channel::close);
        }
        return sessionsClosed.thenCompose(v -> releaseGroup())
                .whenComplete((v, e) -> udpLog.info("{} '{}' stopped", typeName(), name()));
    }

    private CompletableFuture<Void> releaseGroup() {
        activeGroup(null);
        return settings.group() != null ? CompletableFuture.completedFuture(null) : NettyFutures.whenDone(GROUP.release());
    }

    /**
     * Runs {@code task} on the socket's event loop, where datagrams are delivered, so that what it
     * posts follows every message already delivered; at once when called there or when the socket
     * is gone.
     */
    final void onLoop(Runnable task) {
        UdpRun r = run;
        if (r == null || r.channel.eventLoop().inEventLoop()) {
            task.run();
            return;
        }
        try {
            r.channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** Encodes {@code message} for {@code session} and queues the datagram to {@code to}. */
    final SendResult send(UdpSession session, InetSocketAddress to, Object message) {
        UdpRun r = run;
        if (r == null) {
            return SendResult.CLOSED;
        }
        SendResult result;
        try {
            result = r.writer.send(core.transmitter(), core.registry(), message, to);
        } catch (RuntimeException e) {
            ioLog.warn("session {} of peer '{}': cannot send {}: {}", session.id(), name(), message.getClass().getName(),
                    e.getMessage());
            return SendResult.ENCODE_FAILED;
        }
        if (result == SendResult.TOO_LARGE) {
            ioLog.warn("session {} of peer '{}': cannot send {}: over the {}-byte datagram limit", session.id(), name(),
                    message.getClass().getName(), UdpTransmitter.MTU);
        }
        return result;
    }

    /** The socket while the peer runs. */
    final @Nullable Channel channel() {
        UdpRun r = run;
        return r == null ? null : r.channel;
    }

    @Override
    public final int port() {
        Channel ch = channel();
        return ch != null && ch.localAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    }

    @Override
    public final long droppedDatagrams() {
        return dropped.get();
    }


    /**
     * A datagram the decoder refused: counted and logged at DEBUG, at a limited rate, with the
     * cause in the line (as text: a trailing exception argument would become a stack trace).
     */
    final void refused(InetSocketAddress sender, @Nullable RuntimeException cause) {
        dropped.incrementAndGet();
        dropLog.debug("peer '{}': dropped a datagram from {}: {}", name(), sender, String.valueOf(cause));
    }

    /** A socket error (an ICMP port unreachable, say): logged at DEBUG, at a limited rate; never fatal. */
    final void socketError(Throwable cause) {
        ioLog.debug("peer '{}': socket error (ignored): {}", name(), cause.toString());
    }
}
