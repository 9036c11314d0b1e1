package io.cellnet.netty.internal;

import io.cellnet.MessageRegistry;
import io.cellnet.SendResult;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The frames a link has encoded and not yet handed to its channel, and their byte count. A stream
 * transport's frames share buffers of up to {@link #STREAM_CHUNK} bytes; any other transport's
 * frames are one buffer each, wrapped by the transmitter when written. The count plus the
 * channel's own outbound buffer is the backlog that the channel's high watermark bounds.
 *
 * <p>{@link #take()} moves what is held aside for {@link #writeTaken()}, so that the writes can
 * happen outside the owner's lock. Every frame is counted: what {@link #discard()} releases, and
 * what a failed write carried, adds to the link's {@link DroppedWrites}: through the link's
 * {@link WriteLedger}, one promise for all its writes, where the pipeline allows it, else through
 * a promise per write ({@link DroppedWrites#promise}).
 *
 * <p>Thread safety: not thread-safe. Its {@link Link} calls {@link #append}, {@link #take} and
 * {@link #discard} under its lock; {@link #writeTaken} runs on the channel's event loop, by the one
 * flush task at a time.
 */
public final class OutboundBuffer {
    /**
     * A stream buffer that holds this many bytes is handed on and a new one started, so that no
     * buffer grows far past one chunk plus one frame: a buffer keeps its whole capacity until its
     * last byte is written, so one large buffer would hold memory long after most of it was sent.
     */
    public static final int STREAM_CHUNK = 64 << 10;
    private static final int INITIAL_BUFFER = 256;

    private final Channel channel;
    private final ChannelTransmitter transmitter;
    private final MessageRegistry registry;
    private final boolean stream;
    private final DroppedWrites dropped;
    private final @Nullable WriteLedger ledger;

    private @Nullable ByteBuf pending;
    private int pendingMessages;
    private @Nullable ArrayDeque<ByteBuf> frames;
    /** The number of messages of each of {@link #frames}, in the same order. */
    private @Nullable ArrayDeque<Integer> frameMessages;
    private long queuedBytes;
    private long queuedMessages;

    // event loop only: what the last take() moved aside
    private @Nullable ByteBuf takenPending;
    private int takenPendingMessages;
    private @Nullable ArrayDeque<ByteBuf> takenFrames;
    private @Nullable ArrayDeque<Integer> takenFrameMessages;

    /**
     * An empty buffer for {@code channel}, encoding with {@code transmitter} and {@code registry},
     * counting what it cannot write in {@code dropped}. Its writes share a {@link WriteLedger} when
     * the channel's pipeline allows one ({@link WriteLedger#of}), else each has its own promise.
     * Call on the channel's event loop once the pipeline is built.
     */
    public OutboundBuffer(Channel channel, ChannelTransmitter transmitter, MessageRegistry registry,
            DroppedWrites dropped) {
        this(channel, transmitter, registry, dropped, WriteLedger.of(channel, dropped));
    }

    /**
     * A buffer as above whose writes share {@code ledger} (made for {@code channel} and
     * {@code dropped}), or each have their own promise when it is {@code null}.
     */
    public OutboundBuffer(Channel channel, ChannelTransmitter transmitter, MessageRegistry registry,
            DroppedWrites dropped, @Nullable WriteLedger ledger) {
        this.channel = channel;
        this.transmitter = transmitter;
        this.registry = registry;
        this.stream = transmitter.isStream();
        this.dropped = dropped;
        this.ledger = ledger;
    }

    /** {@code true} when the writes share a {@link WriteLedger} rather than a promise each. */
    public boolean usesWriteLedger() {
        return ledger != null;
    }

    /**
     * Whether the unwritten backlog, the channel's outbound buffer and the bytes held here together,
     * is over the channel's high watermark.
     */
    public boolean overHighWatermark() {
        return !channel.isWritable() || queuedBytes >= channel.bytesBeforeUnwritable();
    }

    /** The bytes held, not yet handed to the channel. */
    public long queuedBytes() {
        return queuedBytes;
    }

    /**
     * Encodes {@code message} and holds its frame.
     *
     * @return {@link SendResult#QUEUED}, or {@link SendResult#TOO_LARGE} with nothing held
     * @throws RuntimeException what the codec threw; nothing is held then either
     */
    public SendResult append(Object message) {
        ByteBuf buf = stream ? pending : null;
        if (buf == null) {
            buf = channel.alloc().ioBuffer(INITIAL_BUFFER);
        }
        int mark = buf.writerIndex();
        SendResult result;
        RuntimeException error = null;
        try {
            result = transmitter.encode(message, registry, buf);
        } catch (RuntimeException e) {
            buf.writerIndex(mark);
            result = SendResult.ENCODE_FAILED;
            error = e;
        }
        if (result == SendResult.QUEUED) {
            queuedMessages++;
        }
        if (stream) {
            queuedBytes += buf.writerIndex() - mark;
            if (result == SendResult.QUEUED) {
                pendingMessages++;
            }
            if (buf.readableBytes() >= STREAM_CHUNK) {
                queueFrame(buf, pendingMessages);
                pending = null;
                pendingMessages = 0;
            } else {
                pending = buf;
            }
        } else if (result == SendResult.QUEUED) {
            queuedBytes += buf.readableBytes();
            queueFrame(buf, 1);
        } else {
            buf.release();
        }
        if (error != null) {
            throw error;
        }
        return result;
    }

    private void queueFrame(ByteBuf frame, int messages) {
        ArrayDeque<ByteBuf> q = frames;
        ArrayDeque<Integer> counts = frameMessages;
        if (q == null || counts == null) {
            q = new ArrayDeque<>();
            counts = new ArrayDeque<>();
            frames = q;
            frameMessages = counts;
        }
        q.add(frame);
        counts.add(messages);
    }

    /** Moves everything held aside for {@link #writeTaken()}, which must follow; the count drops to 0. */
    public void take() {
        takenPending = pending;
        takenPendingMessages = pendingMessages;
        takenFrames = frames;
        takenFrameMessages = frameMessages;
        pending = null;
        pendingMessages = 0;
        frames = null;
        frameMessages = null;
        queuedBytes = 0;
        queuedMessages = 0;
    }

    /**
     * Writes, without flushing, what the last {@link #take()} moved aside, oldest first; a write
     * that fails counts its messages as dropped.
     */
    public void writeTaken() {
        ArrayDeque<ByteBuf> batch = takenFrames;
        ArrayDeque<Integer> counts = takenFrameMessages;
        ByteBuf buf = takenPending;
        int bufMessages = takenPendingMessages;
        takenFrames = null;
        takenFrameMessages = null;
        takenPending = null;
        takenPendingMessages = 0;
        // queued frames (or full stream chunks) are older than the pending stream buffer
        if (batch != null && counts != null) {
            for (ByteBuf frame : batch) {
                write(stream ? frame : transmitter.wrapFrame(frame), counts.poll(), frame.readableBytes());
            }
        }
        if (buf != null) {
            if (buf.isReadable()) {
                write(buf, bufMessages, buf.readableBytes());
            } else {
                buf.release();
            }
        }
    }

    private void write(Object msg, int messages, long bytes) {
        WriteLedger l = ledger;
        if (l != null) {
            l.write(msg, messages, bytes);
        } else {
            channel.write(msg, dropped.promise(channel, messages, bytes));
        }
    }

    /** Releases everything held (not what was taken), counting it as dropped; the count drops to 0. */
    public void discard() {
        dropped.add(queuedMessages, queuedBytes);
        queuedBytes = 0;
        queuedMessages = 0;
        pendingMessages = 0;
        if (pending != null) {
            pending.release();
            pending = null;
        }
        if (frames != null) {
            frames.forEach(ByteBuf::release);
            frames = null;
            frameMessages = null;
        }
    }
}
