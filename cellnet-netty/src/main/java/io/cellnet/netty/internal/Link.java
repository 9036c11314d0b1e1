package io.cellnet.netty.internal;

import io.cellnet.CloseReason;
import io.cellnet.SendResult;
import io.cellnet.SessionClosed;
import io.cellnet.SlowConsumerPolicy;
import io.cellnet.SlowConsumerException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One connection of a session and its outbound path. {@link #send} encodes on the sending thread,
 * under the link's lock, into a pending buffer (stream transports: frames share buffers of up to
 * about {@link #STREAM_CHUNK} bytes) or a pending frame list; the first send after a flush
 * schedules one flush task on the channel's event loop. Every message thus takes one path to the
 * wire, which keeps each sender's order whatever its thread, and messages sent in one burst share
 * one flush.
 *
 * <p>Thread safety: {@link #send} and {@link #close} may be called from any thread; the rest runs
 * on the channel's event loop.
 */
public final class Link implements Runnable {
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;
    private static final int INITIAL_BUFFER = 256;
    /**
     * A stream buffer that holds this many bytes is handed on and a new one started, so that no
     * buffer grows far past one chunk plus one frame: a buffer keeps its whole capacity until its
     * last byte is written, so one large buffer would hold memory long after most of it was sent.
     */
    public static final int STREAM_CHUNK = 64 << 10;

    private final Channel channel;
    private final NettySession session;
    private final PeerCore core;
    private final ChannelTransmitter transmitter;
    private final boolean stream;
    private final CompletableFuture<Void> closedPosted = new CompletableFuture<>();
    private final Runnable deferredFlush = this::scheduleNow;

    // guarded by this
    private @Nullable ByteBuf pending;
    private @Nullable ArrayDeque<ByteBuf> frames;
    private long queuedBytes;
    private boolean flushScheduled;
    private boolean closeStarted;
    private int state = OPEN;

    private volatile boolean manualClose;
    private volatile @Nullable Throwable failure;

    /** A link for {@code session} over {@code channel}. */
    public Link(Channel channel, NettySession session, PeerCore core) {
        this.channel = channel;
        this.session = session;
        this.core = core;
        this.transmitter = core.transmitter();
        this.stream = transmitter.isStream();
    }

    /** The channel. */
    public Channel channel() {
        return channel;
    }

    /** The session. */
    public NettySession session() {
        return session;
    }

    /** {@code true} until a close starts. */
    public synchronized boolean isOpen() {
        return state == OPEN;
    }

    /** {@code true} when this side asked for the close. */
    public boolean isManualClose() {
        return manualClose;
    }

    /** Completes once this link's {@link SessionClosed} has been posted. */
    public CompletableFuture<Void> closedPosted() {
        return closedPosted;
    }

    /** Encodes and queues {@code message}; see {@link io.cellnet.Session#send}. */
    public SendResult send(Object message) {
        SendResult result;
        RuntimeException error = null;
        boolean schedule = false;
        synchronized (this) {
            if (state != OPEN) {
                return SendResult.CLOSED;
            }
            if (overHighWatermark()) {
                result = SendResult.OVERFLOW;
            } else {
                ByteBuf buf = stream ? pending : null;
                if (buf == null) {
                    buf = channel.alloc().ioBuffer(INITIAL_BUFFER);
                }
                int mark = buf.writerIndex();
                try {
                    result = transmitter.encode(message, core.registry(), buf);
                } catch (RuntimeException e) {
                    buf.writerIndex(mark);
                    result = SendResult.ENCODE_FAILED;
                    error = e;
                }
                if (stream) {
                    queuedBytes += buf.writerIndex() - mark;
                    if (buf.readableBytes() >= STREAM_CHUNK) {
                        queueFrame(buf);
                        pending = null;
                    } else {
                        pending = buf;
                    }
                } else if (result == SendResult.QUEUED) {
                    queuedBytes += buf.readableBytes();
                    queueFrame(buf);
                } else {
                    buf.release();
                }
                if (result == SendResult.QUEUED && !flushScheduled) {
                    flushScheduled = true;
                    schedule = true;
                }
            }
        }
        if (result == SendResult.OVERFLOW) {
            return overflow(message);
        }
        if (schedule && !scheduleFlush()) {
            return SendResult.CLOSED;
        }
        if (result != SendResult.QUEUED) {
            reportRefused(message, result, error);
        }
        return result;
    }

    /**
     * Whether the unwritten backlog, the channel's outbound buffer and the bytes this link has not
     * handed to it yet together, is over the high watermark; call under the lock.
     */
    private boolean overHighWatermark() {
        return !channel.isWritable() || queuedBytes >= channel.bytesBeforeUnwritable();
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

    private void queueFrame(ByteBuf frame) {
        ArrayDeque<ByteBuf> q = frames;
        if (q == null) {
            q = new ArrayDeque<>();
            frames = q;
        }
        q.add(frame);
    }

    private void reportRefused(Object message, SendResult result, @Nullable RuntimeException error) {
        core.sendFailureLog().warn("session {} of peer '{}': cannot send {}: {}", session.id(), core.name(),
                message.getClass().getName(), error != null ? error.getMessage() : result);
    }

    /** The flush task: writes what is pending, then flushes, or finishes a graceful close. */
    @Override
    public void run() {
        ByteBuf buf;
        ArrayDeque<ByteBuf> batch;
        boolean closeNow;
        synchronized (this) {
            buf = pending;
            batch = frames;
            pending = null;
            frames = null;
            queuedBytes = 0;
            flushScheduled = false;
            closeNow = state == CLOSING && !closeStarted;
            if (closeNow) {
                closeStarted = true;
            }
        }
        // queued frames (or full stream chunks) are older than the pending stream buffer
        if (batch != null) {
            for (ByteBuf frame : batch) {
                channel.write(stream ? frame : transmitter.wrapFrame(frame), channel.voidPromise());
            }
        }
        if (buf != null) {
            if (buf.isReadable()) {
                channel.write(buf, channel.voidPromise());
            } else {
                buf.release();
            }
        }
        if (closeNow) {
            finishGracefulClose();
        } else {
            channel.flush();
        }
    }

    private void finishGracefulClose() {
        channel.config().setAutoRead(false);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        long timeout = core.closeTimeout().toNanos();
        var timer = channel.eventLoop().schedule(() -> {
            if (channel.isOpen()) {
                PeerCore.log.debug("session {} of peer '{}': close timeout, closing with unwritten data",
                        session.id(), core.name());
                channel.close();
            }
        }, timeout, TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(f -> timer.cancel(false));
    }

    /**
     * Closes the link: gracefully (pending writes first, bounded by the close timeout) or at once.
     * Marks the close as this side's ({@link CloseReason#MANUAL}).
     */
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
        synchronized (this) {
            if (state == CLOSED || (state == CLOSING && graceful)) {
                return;
            }
            manualClose |= manual;
            if (graceful) {
                state = CLOSING;
                if (!flushScheduled) {
                    flushScheduled = true;
                    schedule = true;
                }
            } else {
                state = CLOSED;
                discardPending();
            }
        }
        if (schedule) {
            scheduleFlush();
        } else if (!graceful) {
            channel.close();
        }
    }

    /**
     * Schedules {@link #run()} on the channel's event loop; from an event queue's thread running a
     * batch, at the end of the batch, so that every reply of the batch shares one write (see
     * {@link io.cellnet.EventQueue#deferToBatchEnd}). {@code false} (and everything pending dropped)
     * when the loop is gone.
     */
    private boolean scheduleFlush() {
        return core.queue().deferToBatchEnd(deferredFlush) || scheduleNow();
    }

    private boolean scheduleNow() {
        try {
            channel.eventLoop().execute(this);
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                state = CLOSED;
                discardPending();
            }
            return false;
        }
    }

    /**
     * Closes the link at once because of {@code cause} ({@link CloseReason#IO}) unless it is
     * already closing for another reason.
     *
     * @param protocol {@code true} when the cause is input this side refused (logged at WARN)
     */
    public void fail(Throwable cause, boolean protocol) {
        synchronized (this) {
            if (failure == null && !manualClose) {
                failure = cause;
            }
            state = CLOSED;
            discardPending();
        }
        if (protocol) {
            PeerCore.log.warn("session {} of peer '{}' ({}) closed: {}", session.id(), core.name(),
                    channel.remoteAddress(), cause.toString());
        } else {
            PeerCore.log.debug("session {} of peer '{}' ({}) closed: {}", session.id(), core.name(),
                    channel.remoteAddress(), cause.toString());
        }
        channel.close();
    }

    /** The channel has closed: drops what was not written and returns the close event to post. */
    SessionClosed onInactive() {
        synchronized (this) {
            state = CLOSED;
            discardPending();
        }
        return new SessionClosed(manualClose ? CloseReason.MANUAL : CloseReason.IO, manualClose ? null : failure);
    }

    private void discardPending() {
        queuedBytes = 0;
        if (pending != null) {
            pending.release();
            pending = null;
        }
        if (frames != null) {
            frames.forEach(ByteBuf::release);
            frames = null;
        }
    }
}
