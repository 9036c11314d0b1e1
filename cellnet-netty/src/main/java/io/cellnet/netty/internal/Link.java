package io.cellnet.netty.internal;

import io.cellnet.CloseReason;
import io.cellnet.SendResult;
import io.cellnet.SessionClosed;
import io.cellnet.SlowConsumerException;
import io.cellnet.SlowConsumerPolicy;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One connection of a session and its outbound path. {@link #send} encodes on the sending thread,
 * under the link's lock, into its {@link OutboundBuffer}; the first send after a flush has the
 * {@link FlushTrigger} schedule one flush task ({@link #run()}) on the channel's event loop. Every
 * message thus takes one path to the wire, which keeps each sender's order whatever its thread,
 * and messages sent in one burst share one flush. The {@link LinkState} says whether the link is
 * open, closing gracefully or closed, and why.
 *
 * <p>An accepted connection's link is its session's transport ({@link #accept}); a connector's
 * links come and go under its one session.
 *
 * <p>Thread safety: {@link #send} and the close methods may be called from any thread; the rest
 * runs on the channel's event loop. The parts are guarded by the link's lock.
 */
public final class Link implements Runnable, SessionTransport {
    private final Channel channel;
    private final NettySession session;
    private final PeerCore core;
    private final CompletableFuture<Void> closedPosted = new CompletableFuture<>();
    private final DroppedWrites dropped = new DroppedWrites();

    // guarded by this
    private final OutboundBuffer outbound;
    private final FlushTrigger flush;
    private final LinkState state = new LinkState();

    /** A link over {@code channel} for {@code session}, a session of a connector. */
    public Link(Channel channel, NettySession session, PeerCore core) {
        this.channel = channel;
        this.session = session;
        this.core = core;
        this.outbound = new OutboundBuffer(channel, core.transmitter(), core.registry(), dropped);
        this.flush = new FlushTrigger(channel, core.queue(), this, this::loopGone);
    }

    private Link(Channel channel, PeerCore core, long id) {
        this.channel = channel;
        this.core = core;
        this.session = new NettySession(core, this, id);
        this.outbound = new OutboundBuffer(channel, core.transmitter(), core.registry(), dropped);
        this.flush = new FlushTrigger(channel, core.queue(), this, this::loopGone);
    }

    /**
     * The link of an accepted connection (or any connection that is a session of its own): a new
     * session numbered {@code id}, whose transport is the link.
     */
    public static Link accept(Channel channel, PeerCore core, long id) {
        return new Link(channel, core, id);
    }

    /** The channel. */
    @Override
    public Channel channel() {
        return channel;
    }

    /** The session. */
    public NettySession session() {
        return session;
    }

    /**
     * {@code true} when this link's writes share a {@link WriteLedger}, {@code false} when each has
     * its own promise (a pipeline with TLS, WebSocket, a write timeout or user handlers).
     */
    public boolean usesWriteLedger() {
        return outbound.usesWriteLedger();
    }

    /** {@code true} until a close starts. */
    @Override
    public synchronized boolean isOpen() {
        return state.isOpen();
    }

    /** {@code true} when this side asked for the close. */
    public synchronized boolean isManualClose() {
        return state.isManual();
    }

    @Override
    public @Nullable SocketAddress remoteAddress() {
        return ProxyProtocolHandler.remoteAddress(channel);
    }

    /** Completes once this link's {@link SessionClosed} has been posted. */
    public CompletableFuture<Void> closedPosted() {
        return closedPosted;
    }

    /** Encodes and queues {@code message}; see {@link io.cellnet.Session#send}. */
    @Override
    public SendResult send(Object message) {
        SendResult result;
        RuntimeException error = null;
        boolean schedule = false;
        synchronized (this) {
            if (!state.isOpen()) {
                return SendResult.CLOSED;
            }
            if (outbound.overHighWatermark()) {
                result = SendResult.OVERFLOW;
            } else {
                try {
                    result = outbound.append(message);
                } catch (RuntimeException e) {
                    result = SendResult.ENCODE_FAILED;
                    error = e;
                }
                schedule = result == SendResult.QUEUED && flush.request();
            }
        }
        if (result == SendResult.OVERFLOW) {
            return overflow(message);
        }
        if (schedule && !flush.schedule()) {
            return SendResult.CLOSED;
        }
        if (result != SendResult.QUEUED) {
            core.sendFailureLog().warn("session {} of peer '{}': cannot send {}: {}", session.id(), core.name(),
                    message.getClass().getName(), error != null ? error.getMessage() : result);
        }
        return result;
    }

    private SendResult overflow(Object message) {
        OutboundLimits limits = core.outboundLimits();
        if (limits.policy() == SlowConsumerPolicy.CLOSE) {
            fail(new SlowConsumerException(limits.highWatermark()), true);
        } else {
            core.sendFailureLog().warn("session {} of peer '{}': cannot send {}: over the outbound high watermark"
                    + " ({} bytes)", session.id(), core.name(), message.getClass().getName(), limits.highWatermark());
        }
        return SendResult.OVERFLOW;
    }

    /** The flush task: writes what is pending, then flushes, or finishes a graceful close. */
    @Override
    public void run() {
        boolean finishClose;
        synchronized (this) {
            outbound.take();
            flush.started();
            finishClose = state.takeGracefulFinish();
        }
        outbound.writeTaken();
        if (finishClose) {
            LinkState.finishGracefully(channel, core.closeTimeout(), () -> PeerCore.log.debug(
                    "session {} of peer '{}': close timeout, closing with unwritten data", session.id(), core.name()));
        } else {
            channel.flush();
        }
    }

    /**
     * Closes the link: gracefully (pending writes first, bounded by the close timeout) or at once.
     * Marks the close as this side's ({@link CloseReason#MANUAL}).
     */
    @Override
    public void close(boolean graceful) {
        close(graceful, true);
    }

    /**
     * Closes gracefully because the other side finished sending (half-close): what this side still
     * has to write goes out first. The close counts as {@link CloseReason#IO}.
     */
    public void closeAfterRemoteShutdown() {
        close(true, false);
    }

    private void close(boolean graceful, boolean manual) {
        boolean schedule = false;
        boolean closeChannel = false;
        synchronized (this) {
            if (graceful) {
                schedule = state.closeGracefully(manual) && flush.request();
            } else if (state.closeNow(manual)) {
                outbound.discard();
                closeChannel = true;
            }
        }
        if (schedule) {
            flush.schedule();
        } else if (closeChannel) {
            channel.close();
        }
    }

    /** The event loop refused the flush task: the link is dead, drop what is pending. */
    private synchronized void loopGone() {
        state.closed();
        outbound.discard();
    }

    /**
     * Closes the link at once because of {@code cause} ({@link CloseReason#IO}) unless it is
     * already closing for another reason.
     *
     * @param protocol {@code true} when the cause is input this side refused (logged at WARN)
     */
    public void fail(Throwable cause, boolean protocol) {
        synchronized (this) {
            state.fail(cause);
            outbound.discard();
        }
        if (protocol) {
            PeerCore.log.warn("session {} of peer '{}' ({}) closed: {}", session.id(), core.name(),
                    remoteAddress(), cause.toString());
        } else {
            PeerCore.log.debug("session {} of peer '{}' ({}) closed: {}", session.id(), core.name(),
                    remoteAddress(), cause.toString());
        }
        if (protocol && channel.eventLoop().inEventLoop() && channel.hasAttr(LinkState.REFUSAL_SENT)) {
            LinkState.closeDiscardingInput(channel, LinkState.REFUSAL_LINGER);   // the close frame first, no reset
        } else {
            channel.close();
        }
    }

    /**
     * The channel has closed: drops what was not written and returns the close event to post, which
     * counts every message accepted and never written (logged at WARN when there is one).
     */
    SessionClosed onInactive() {
        SessionClosed closed;
        synchronized (this) {
            state.closed();
            outbound.discard();
            closed = state.closedEvent(dropped.messages(), dropped.bytes());
        }
        if (closed.droppedMessages() > 0) {
            PeerCore.log.warn("session {} of peer '{}' ({}) closed before {} queued message(s) ({} bytes) were written:"
                    + " {}", session.id(), core.name(), remoteAddress(), closed.droppedMessages(), closed.droppedBytes(),
                    closed.describe());
        }
        return closed;
    }

    @Override
    public String toString() {
        return "Link(" + session + ", " + channel + ")";
    }
}
