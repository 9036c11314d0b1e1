package io.cellnet.netty.internal.udp;

import io.cellnet.CloseReason;
import io.cellnet.Peer;
import io.cellnet.ProcessorBundle;
import io.cellnet.SendResult;
import io.cellnet.internal.RateLimitedLog;
import io.cellnet.netty.internal.NettySession;
import io.cellnet.netty.internal.OutboundLimits;
import io.cellnet.netty.internal.PeerCore;
import io.cellnet.netty.internal.PeerShell;
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
 * What a UDP peer holds besides its sessions: its {@link PeerShell}, whose start and stop open
 * and close the socket, the socket's outbound path, and the handling of refused datagrams and
 * socket errors. Its {@link DatagramPeer} (the acceptor or the connector) opens the socket and
 * owns the sessions.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
final class UdpSocket {
    static final Logger udpLog = LoggerFactory.getLogger("io.cellnet.netty.udp");
    private static final SharedGroup GROUP = SharedGroup.of("cellnet-udp", Runtime.getRuntime().availableProcessors());

    private final UdpPeerConfig config;
    private final DatagramPeer owner;
    private final boolean client;
    private final PeerShell shell;
    private final AtomicLong dropped = new AtomicLong();
    private final RateLimitedLog dropLog = new RateLimitedLog(udpLog, 1, TimeUnit.SECONDS);
    private final RateLimitedLog ioLog = new RateLimitedLog(udpLog, 1, TimeUnit.SECONDS);

    /** The current run (from start to stop), or {@code null} when the socket is closed. */
    private volatile @Nullable UdpRun run;
    /** Completes when the last run's sessions have all posted {@code SessionClosed}. */
    private volatile CompletableFuture<Void> sessionsClosed = CompletableFuture.completedFuture(null);

    /** The socket of {@code peer}, whose sessions {@code owner} manages; {@code client} for a connector. */
    UdpSocket(UdpPeerConfig config, Peer peer, DatagramPeer owner, boolean client) {
        checkTransmitter(config.peer().bundle());
        this.config = config;
        this.owner = owner;
        this.client = client;
        this.shell = new PeerShell(peer, config.peer(), Duration.ZERO, OutboundLimits.DEFAULT, this::startIo,
                this::stopIo);
    }

    /** Fails unless {@code bundle} can drive a UDP peer. */
    private static void checkTransmitter(ProcessorBundle bundle) {
        if (!(bundle.transmitter() instanceof UdpTransmitter)) {
            throw new IllegalArgumentException("a udp peer needs the udp.ltv transmitter, not "
                    + bundle.transmitter().name());
        }
    }

    PeerShell shell() {
        return shell;
    }

    PeerCore core() {
        return shell.core();
    }

    UdpPeerConfig config() {
        return config;
    }

    boolean client() {
        return client;
    }

    DatagramPeer owner() {
        return owner;
    }

    private String describe() {
        return shell.settings().typeName() + " '" + shell.settings().name() + "'";
    }

    private CompletableFuture<Void> startIo() {
        EventLoopGroup group = shell.acquire(GROUP);
        shell.activeGroup(group);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        sessionsClosed = closed;
        Bootstrap b = new Bootstrap().group(group).channel(Transports.datagramChannelFor(shell.settings().group()))
                .handler(new UdpInitializer(this));
        shell.settings().applyChannelOptions(b);
        CompletableFuture<Void> started = new CompletableFuture<>();
        ChannelFuture f = owner.open(b);
        f.addListener(done -> {
            if (done.isSuccess()) {
                UdpRun r = new UdpRun(f.channel(), closed);
                run = r;
                r.channel.closeFuture().addListener(x -> channelClosed(r));
                udpLog.info("{} open on {}", describe(), r.channel.localAddress());
                owner.opened(r.channel);
                started.complete(null);
            } else {
                udpLog.error("{} cannot open {}: {}", describe(), config.address(), done.cause().toString());
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
        owner.closeSessions(requested ? CloseReason.MANUAL : CloseReason.IO);
        r.sessionsClosed.complete(null);
        if (!requested) {
            udpLog.warn("{}: socket closed unexpectedly; stopping", describe());
            shell.stop();
        }
    }

    private CompletableFuture<Void> stopIo() {
        UdpRun r = run;
        if (r != null) {
            r.stopRequested = true;
            // Through the event loop's task queue, behind the flushes of datagrams already sent.
            r.channel.eventLoop().execute(r.channel::close);
        }
        return sessionsClosed.thenCompose(v -> releaseGroup())
                .whenComplete((v, e) -> udpLog.info("{} stopped", describe()));
    }

    private CompletableFuture<Void> releaseGroup() {
        shell.activeGroup(null);
        return shell.release(GROUP);
    }

    /**
     * Runs {@code task} on the socket's event loop, where datagrams are delivered, so that what it
     * posts follows every message already delivered; at once when called there or when the socket
     * is gone.
     */
    void onLoop(Runnable task) {
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
    SendResult send(NettySession session, InetSocketAddress to, Object message) {
        UdpRun r = run;
        if (r == null) {
            return SendResult.CLOSED;
        }
        SendResult result;
        try {
            result = r.writer.send(core().transmitter(), core().registry(), message, to);
        } catch (RuntimeException e) {
            ioLog.warn("session {} of peer '{}': cannot send {}: {}", session.id(), core().name(),
                    message.getClass().getName(), e.getMessage());
            return SendResult.ENCODE_FAILED;
        }
        if (result == SendResult.TOO_LARGE) {
            ioLog.warn("session {} of peer '{}': cannot send {}: over the {}-byte datagram limit", session.id(),
                    core().name(), message.getClass().getName(), UdpTransmitter.MTU);
        }
        return result;
    }

    /** The socket while the peer runs. */
    @Nullable Channel channel() {
        UdpRun r = run;
        return r == null ? null : r.channel;
    }

    /** The bound port, 0 when stopped. */
    int port() {
        Channel ch = channel();
        return ch != null && ch.localAddress() instanceof InetSocketAddress a ? a.getPort() : 0;
    }

    /** The datagrams refused since the peer was built. */
    long droppedDatagrams() {
        return dropped.get();
    }

    /**
     * A datagram the decoder refused: counted and logged at DEBUG, at a limited rate, with the
     * cause in the line (as text: a trailing exception argument would become a stack trace).
     */
    void refused(InetSocketAddress sender, Throwable cause) {
        dropped.incrementAndGet();
        dropLog.debug("peer '{}': dropped a datagram from {}: {}", core().name(), sender, cause.toString());
    }

    /** A socket error (an ICMP port unreachable, say): logged at DEBUG, at a limited rate; never fatal. */
    void socketError(Throwable cause) {
        ioLog.debug("peer '{}': socket error (ignored): {}", core().name(), cause.toString());
    }
}
