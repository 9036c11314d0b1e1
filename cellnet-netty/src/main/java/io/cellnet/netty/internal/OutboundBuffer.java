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
 * happen outside the owner's lock without allocating.
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

    private @Nullable ByteBuf pending;
    private @Nullable ArrayDeque<ByteBuf> frames;
    private long queuedBytes;

    // event loop only: what the last take() moved aside
    private @Nullable ByteBuf takenPending;
    private @Nullable ArrayDeque<ByteBuf> takenFrames;

    /** An empty buffer for {@code channel}, encoding with {@code transmitter} and {@code registry}. */
    public OutboundBuffer(Channel channel, ChannelTransmitter transmitter, MessageRegistry registry) {
        this.channel = channel;
        this.transmitter = transmitter;
        this.registry = registry;
        this.stream = transmitter.isStream();
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
        if (error != null) {
            throw error;
        }
        return result;
    }

    private void queueFrame(ByteBuf frame) {
        ArrayDeque<ByteBuf> q = frames;
        if (q == null) {
            q = new ArrayDeque<>();
            frames = q;
        }
        q.add(frame);
    }

    /** Moves everything held aside for {@link #writeTaken()}, which must follow; the count drops to 0. */
    public void take() {
        takenPending = pending;
        takenFrames = frames;
        pending = null;
        frames = null;
        queuedBytes = 0;
    }

    /** Writes, without flushing, what the last {@link #take()} moved aside, oldest first. */
    public void writeTaken() {
        ArrayDeque<ByteBuf> batch = takenFrames;
        ByteBuf buf = takenPending;
        takenFrames = null;
        takenPending = null;
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
    }

    /** Releases everything held (not what was taken); the count drops to 0. */
    public void discard() {
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
